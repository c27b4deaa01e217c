package dev.cohort.sandbox.insider;

import java.util.Arrays;
import java.util.List;

/**
 * The JSON field names of an upload body. Insider does not publish them; {@link #DEFAULTS} are those of its
 * documented mobile custom-segment upload ({@code segment_name}, {@code attribute}, {@code csv_url},
 * {@code callback_url}) plus the stand-in's own {@code mode} (create or replace, see
 * {@link SandboxInsiderServer}). Set other names on the builder when Insider's turn out different, or
 * through {@link InsiderFaults#expectUploadFields} to see how a client copes with names it did not expect.
 *
 * @param segmentName the segment's name
 * @param attribute the attribute the file's values belong to
 * @param csvUrl the URL the stand-in downloads the file from
 * @param callbackUrl the URL the stand-in posts the result to
 * @param mode {@code create} or {@code replace}; optional in a body
 */
public record InsiderUploadFields(String segmentName, String attribute, String csvUrl, String callbackUrl, String mode) {
    public static final InsiderUploadFields DEFAULTS =
            new InsiderUploadFields("segment_name", "attribute", "csv_url", "callback_url", "mode");

    public InsiderUploadFields {
        List<String> names = Arrays.asList(segmentName, attribute, csvUrl, callbackUrl, mode);
        FieldNames.requireDistinct("upload", names);
    }

    public InsiderUploadFields withSegmentName(String name) {
        return new InsiderUploadFields(name, attribute, csvUrl, callbackUrl, mode);
    }

    public InsiderUploadFields withAttribute(String name) {
        return new InsiderUploadFields(segmentName, name, csvUrl, callbackUrl, mode);
    }

    public InsiderUploadFields withCsvUrl(String name) {
        return new InsiderUploadFields(segmentName, attribute, name, callbackUrl, mode);
    }

    public InsiderUploadFields withCallbackUrl(String name) {
        return new InsiderUploadFields(segmentName, attribute, csvUrl, name, mode);
    }

    public InsiderUploadFields withMode(String name) {
        return new InsiderUploadFields(segmentName, attribute, csvUrl, callbackUrl, name);
    }
}

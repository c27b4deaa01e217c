package dev.cohort.connector.insider;

import java.util.Objects;

/**
 * The JSON field names of an upload body. Insider One does not publish them for its FPS upload; the
 * defaults are those of its documented mobile custom-segment upload, plus Cohort's sandbox's {@code mode}.
 *
 * @param segmentName the segment's name
 * @param attribute   the attribute the values belong to
 * @param csvUrl      the URL Insider downloads the file from
 * @param callbackUrl the URL Insider reports to
 * @param mode        the field that says {@code replace} (an existing segment of the name is replaced);
 *                    empty when the body leaves it out
 */
public record UploadFieldNames(String segmentName, String attribute, String csvUrl, String callbackUrl, String mode) {
    public static final UploadFieldNames DEFAULTS = new UploadFieldNames("segment_name", "attribute", "csv_url", "callback_url", "mode");

    public UploadFieldNames {
        Objects.requireNonNull(segmentName, "segmentName");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(csvUrl, "csvUrl");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(mode, "mode");
    }

    /** Whether the body carries the mode field. */
    public boolean sendsMode() {
        return !mode.isEmpty();
    }
}

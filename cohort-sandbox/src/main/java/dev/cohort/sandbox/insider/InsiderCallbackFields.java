package dev.cohort.sandbox.insider;

import java.util.Arrays;

/**
 * The JSON field names of the result the stand-in posts to an upload's callback URL. Insider does not
 * publish them; {@link #DEFAULTS} are the stand-in's guess:
 * {@code {"segment_name":"…","status":"completed","valid_count":980,"invalid_count":20}}, with
 * {@code "reason":"…"} added when the status is {@code failed}.
 *
 * @param segmentName the segment's name
 * @param status {@code completed} or {@code failed}
 * @param validCount how many values Insider took
 * @param invalidCount how many values it could not use
 * @param reason why the upload failed; only in failed results
 */
public record InsiderCallbackFields(String segmentName, String status, String validCount, String invalidCount, String reason) {
    public static final InsiderCallbackFields DEFAULTS =
            new InsiderCallbackFields("segment_name", "status", "valid_count", "invalid_count", "reason");

    public InsiderCallbackFields {
        FieldNames.requireDistinct("callback", Arrays.asList(segmentName, status, validCount, invalidCount, reason));
    }

    public InsiderCallbackFields withSegmentName(String name) {
        return new InsiderCallbackFields(name, status, validCount, invalidCount, reason);
    }

    public InsiderCallbackFields withStatus(String name) {
        return new InsiderCallbackFields(segmentName, name, validCount, invalidCount, reason);
    }

    public InsiderCallbackFields withValidCount(String name) {
        return new InsiderCallbackFields(segmentName, status, name, invalidCount, reason);
    }

    public InsiderCallbackFields withInvalidCount(String name) {
        return new InsiderCallbackFields(segmentName, status, validCount, name, reason);
    }

    public InsiderCallbackFields withReason(String name) {
        return new InsiderCallbackFields(segmentName, status, validCount, invalidCount, name);
    }
}

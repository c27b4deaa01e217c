package dev.cohort.connector.insider;

import java.util.Objects;

/**
 * The JSON field names of Insider One's report on the callback URL. Insider does not publish them; the
 * defaults are those of Cohort's Insider sandbox:
 * {@code {"segment_name":"vip","status":"completed","valid_count":980,"invalid_count":20}}, with
 * {@code "reason"} when the status is {@code failed}.
 */
public record CallbackFieldNames(String segmentName, String status, String validCount, String invalidCount, String reason) {
    public static final CallbackFieldNames DEFAULTS =
            new CallbackFieldNames("segment_name", "status", "valid_count", "invalid_count", "reason");

    public CallbackFieldNames {
        Objects.requireNonNull(segmentName, "segmentName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validCount, "validCount");
        Objects.requireNonNull(invalidCount, "invalidCount");
        Objects.requireNonNull(reason, "reason");
    }
}

package dev.cohort.connector.air;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;
import java.util.List;

/**
 * The error codes of the {@code eagle-eye-air} platform's triggers and of the {@code eagle-eye-air-trigger}
 * destination; each message says what to do. A notification that cannot be read is
 * {@link dev.cohort.spi.event.NotificationRejectedException#CODE} ({@code EVENT_INVALID}).
 */
public final class AirErrors {
    /** A trigger without an identity value, transaction reference or action reference: nothing to send. */
    public static final ErrorCode TRIGGER_INVALID = ErrorCode.user("AIR_TRIGGER_INVALID");
    /** 400: AIR refused the request (an unknown action reference, a malformed body). Not retried. */
    public static final ErrorCode BAD_REQUEST = new ErrorCode("AIR_BAD_REQUEST", ErrorKind.EXTERNAL_PERMANENT);
    /** 401: the client id or secret is wrong (the signature did not match). Not retried. */
    public static final ErrorCode UNAUTHORIZED = new ErrorCode("AIR_UNAUTHORIZED", ErrorKind.EXTERNAL_PERMANENT);
    /** 403: the client id may not call this service. Not retried. */
    public static final ErrorCode FORBIDDEN = new ErrorCode("AIR_FORBIDDEN", ErrorKind.EXTERNAL_PERMANENT);
    /** 404: no wallet has the trigger's identity value. Not retried. */
    public static final ErrorCode WALLET_NOT_FOUND = new ErrorCode("AIR_WALLET_NOT_FOUND", ErrorKind.EXTERNAL_PERMANENT);
    /** 429: over AIR's rate limit; retried after its Retry-After. */
    public static final ErrorCode RATE_LIMITED = new ErrorCode("AIR_RATE_LIMITED", ErrorKind.EXTERNAL_TRANSIENT);
    /** 5xx or 408: AIR failed; retried. */
    public static final ErrorCode UNAVAILABLE = new ErrorCode("AIR_UNAVAILABLE", ErrorKind.EXTERNAL_TRANSIENT);
    /** AIR could not be reached or did not answer in time (refused, DNS, timeout, connection lost); retried. */
    public static final ErrorCode UNREACHABLE = new ErrorCode("AIR_UNREACHABLE", ErrorKind.EXTERNAL_TRANSIENT);
    /** The TLS handshake with AIR failed (certificate not trusted or not for the host). Not retried. */
    public static final ErrorCode TLS_FAILED = new ErrorCode("AIR_TLS_FAILED", ErrorKind.EXTERNAL_PERMANENT);
    /** Any other answer (a redirect, 405, 415, 422, …): not retried; base_url or trigger_path is likely wrong. */
    public static final ErrorCode UNEXPECTED_ANSWER = new ErrorCode("AIR_UNEXPECTED_ANSWER", ErrorKind.EXTERNAL_PERMANENT);

    /** Destination: the query or data template gives no identity_value, no action reference at all, or fields AIR does not take. */
    public static final ErrorCode TRIGGER_FIELDS = ErrorCode.user("AIR_TRIGGER_FIELDS");
    /** Destination: a test run, which would reward consumers for real, while allow_test_runs is false. */
    public static final ErrorCode TEST_RUN_REFUSED = ErrorCode.user("AIR_TEST_RUN_REFUSED");
    /** Destination: AIR refused the first triggers of a delivery and took none: the settings are likely wrong. */
    public static final ErrorCode TRIGGERS_REFUSED = ErrorCode.user("AIR_TRIGGERS_REFUSED");
    /** Destination: the delivery was interrupted while waiting for a permit or an answer (cancelled, or Cohort stopping). */
    public static final ErrorCode INTERRUPTED = ErrorCode.internal("AIR_INTERRUPTED");

    private AirErrors() {}

    /** Every code above, for documentation and tests. */
    public static List<ErrorCode> all() {
        return List.of(TRIGGER_INVALID, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, WALLET_NOT_FOUND, RATE_LIMITED, UNAVAILABLE,
                UNREACHABLE, TLS_FAILED, UNEXPECTED_ANSWER, TRIGGER_FIELDS, TEST_RUN_REFUSED, TRIGGERS_REFUSED, INTERRUPTED);
    }
}

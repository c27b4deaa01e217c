package dev.cohort.connector.braze;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;

/**
 * The codes of the Braze platform's outcomes: a {@link dev.cohort.spi.event.DeliveryOutcome.Rejected} carries the code,
 * a {@link dev.cohort.spi.event.DeliveryOutcome.Retry}'s reason starts with it ({@code BRAZE_RATE_LIMITED: …}). Each
 * message says what to do, and none holds the API key, an {@code external_id} or another PII value.
 */
public final class BrazeErrors {
    /** {@code 401}/{@code 403}: the API key is wrong, revoked, of another workspace, or lacks {@code users.track}. */
    public static final ErrorCode UNAUTHORIZED = new ErrorCode("BRAZE_UNAUTHORIZED", ErrorKind.EXTERNAL_PERMANENT);
    /** {@code 400}: Braze refused the whole request (nothing of it was recorded). */
    public static final ErrorCode BAD_REQUEST = new ErrorCode("BRAZE_BAD_REQUEST", ErrorKind.EXTERNAL_PERMANENT);
    /** A success answer whose {@code errors[]} names one of the event's objects (event, attributes or purchase). */
    public static final ErrorCode OBJECT_REJECTED = new ErrorCode("BRAZE_OBJECT_REJECTED", ErrorKind.EXTERNAL_PERMANENT);
    /** One event's objects are larger than a request may be, or Braze answered {@code 413} for it alone. */
    public static final ErrorCode PAYLOAD_TOO_LARGE = new ErrorCode("BRAZE_PAYLOAD_TOO_LARGE", ErrorKind.EXTERNAL_PERMANENT);
    /** The event has no {@code external_id} to be sent for. */
    public static final ErrorCode NO_EXTERNAL_ID = new ErrorCode("BRAZE_NO_EXTERNAL_ID", ErrorKind.EXTERNAL_PERMANENT);
    /** {@code 429}, or the API key's window is used up for longer than Cohort waits in process: retried. */
    public static final ErrorCode RATE_LIMITED = new ErrorCode("BRAZE_RATE_LIMITED", ErrorKind.EXTERNAL_TRANSIENT);
    /** {@code 5xx} or {@code 408}: Braze failed; retried. Also events not sent after an earlier request of the batch failed so. */
    public static final ErrorCode UNAVAILABLE = new ErrorCode("BRAZE_UNAVAILABLE", ErrorKind.EXTERNAL_TRANSIENT);
    /** Braze could not be reached (refused, timed out, host not resolved, connection lost): retried. */
    public static final ErrorCode UNREACHABLE = new ErrorCode("BRAZE_UNREACHABLE", ErrorKind.EXTERNAL_TRANSIENT);
    /** The TLS handshake failed: the certificate is not trusted by Cohort's Java or not for the host. */
    public static final ErrorCode TLS_FAILED = new ErrorCode("BRAZE_TLS_FAILED", ErrorKind.EXTERNAL_PERMANENT);
    /** Any other answer ({@code 404}, {@code 405}, a redirect, …): most likely a wrong {@code rest_endpoint}. */
    public static final ErrorCode UNEXPECTED_ANSWER = new ErrorCode("BRAZE_UNEXPECTED_ANSWER", ErrorKind.EXTERNAL_PERMANENT);

    private BrazeErrors() {}
}

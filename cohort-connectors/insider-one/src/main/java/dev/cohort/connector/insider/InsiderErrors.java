package dev.cohort.connector.insider;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;

/** The error codes of {@code type: insider-one}; each message says what to do. */
public final class InsiderErrors {
    /** No Cohort server partners can reach runs this delivery: no file URL or callback URL to give Insider. */
    public static final ErrorCode NEEDS_SERVER = ErrorCode.user("INSIDER_NEEDS_SERVER");
    /** The query or data template does not output exactly one field named as the attribute. */
    public static final ErrorCode ONE_COLUMN = ErrorCode.user("INSIDER_ONE_COLUMN");
    /** A report posted to the callback URL is not one Insider One sends (not JSON, a field missing or wrong). */
    public static final ErrorCode CALLBACK_INVALID = ErrorCode.user("CALLBACK_INVALID");
    /** 400 {"error":"Segment Name Exists."}: the segment name is taken in the Insider account. */
    public static final ErrorCode SEGMENT_NAME_EXISTS = new ErrorCode("INSIDER_SEGMENT_NAME_EXISTS", ErrorKind.EXTERNAL_PERMANENT);
    /** Another 400: Insider refused the request. */
    public static final ErrorCode BAD_REQUEST = new ErrorCode("INSIDER_BAD_REQUEST", ErrorKind.EXTERNAL_PERMANENT);
    /** 401 {"error":"Bad Api Key."}: partner name or API token wrong. */
    public static final ErrorCode BAD_API_KEY = new ErrorCode("INSIDER_BAD_API_KEY", ErrorKind.EXTERNAL_PERMANENT);
    /** 405 {"error":"Invalid Payload."}: the upload body is not what Insider reads. */
    public static final ErrorCode INVALID_PAYLOAD = new ErrorCode("INSIDER_INVALID_PAYLOAD", ErrorKind.EXTERNAL_PERMANENT);
    /** 429: over Insider's rate limit; retried after its Retry-After. */
    public static final ErrorCode RATE_LIMITED = new ErrorCode("INSIDER_RATE_LIMITED", ErrorKind.EXTERNAL_TRANSIENT);
    /** 5xx: Insider failed; retried. */
    public static final ErrorCode UNAVAILABLE = new ErrorCode("INSIDER_UNAVAILABLE", ErrorKind.EXTERNAL_TRANSIENT);
    /** Insider could not be reached (refused, timed out, connection lost); retried. */
    public static final ErrorCode UNREACHABLE = new ErrorCode("INSIDER_UNREACHABLE", ErrorKind.EXTERNAL_TRANSIENT);
    /** The TLS handshake with Insider failed (certificate not trusted or not for the host). */
    public static final ErrorCode TLS_FAILED = new ErrorCode("INSIDER_TLS_FAILED", ErrorKind.EXTERNAL_PERMANENT);
    /** Any other answer (403, 404, …): not retried. */
    public static final ErrorCode UNEXPECTED_ANSWER = new ErrorCode("INSIDER_UNEXPECTED_ANSWER", ErrorKind.EXTERNAL_PERMANENT);
    /** The segment's temporary files could not be written or read (disk full, folder not writable). */
    public static final ErrorCode TEMPORARY_FILES = ErrorCode.internal("INSIDER_TEMPORARY_FILES");
    /** The delivery was interrupted while waiting (the run was cancelled, or Cohort is stopping). */
    public static final ErrorCode INTERRUPTED = ErrorCode.internal("INSIDER_INTERRUPTED");

    private InsiderErrors() {}
}

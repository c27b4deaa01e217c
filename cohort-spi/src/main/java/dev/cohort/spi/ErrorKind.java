package dev.cohort.spi;

/** Who can fix an error, which decides whether it is retried and how it is shown. */
public enum ErrorKind {
    /** The user's configuration or input is wrong; retrying will not help until it is changed. */
    USER_ERROR,
    /** A partner or remote system failed in a way that may pass (timeout, 429, 5xx): retry. */
    EXTERNAL_TRANSIENT,
    /** A partner or remote system refused for good (401, 400): do not retry. */
    EXTERNAL_PERMANENT,
    /** A bug or broken environment in Cohort itself. */
    INTERNAL
}

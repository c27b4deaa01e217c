package dev.cohort.connector.insider;

/**
 * A value its attribute's rule cannot take; the message is the reason, never the value. Thrown for every
 * rejected row, so it carries no stack trace.
 */
final class InvalidValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String reason) {
        super(reason, null, false, false);
    }
}

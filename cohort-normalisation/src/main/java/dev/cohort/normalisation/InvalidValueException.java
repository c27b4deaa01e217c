package dev.cohort.normalisation;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/**
 * A value broke a transform's rule, so its row is rejected. The message states the rule that was broken
 * ("not a valid phone number for region US") and never the value, which may be personal data.
 *
 * <p>Thrown once per rejected row, so it records no stack trace: it is an expected outcome, not a bug.
 */
public final class InvalidValueException extends CohortException {
    private static final long serialVersionUID = 1L;
    public static final ErrorCode CODE = ErrorCode.user("INVALID_VALUE");

    public InvalidValueException(String reason) {
        super(CODE, reason);
    }

    /** The rule the value broke; the same text as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

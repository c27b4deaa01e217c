package dev.cohort.spi;

import java.util.Objects;

/**
 * The one exception type Cohort code throws on purpose. Its message is shown to users as it is: it
 * names what is wrong and how to fix it, and never contains a secret or a PII value.
 */
public class CohortException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode errorCode;

    public CohortException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public CohortException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public ErrorKind kind() {
        return errorCode.kind();
    }
}

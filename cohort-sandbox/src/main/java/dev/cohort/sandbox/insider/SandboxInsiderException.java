package dev.cohort.sandbox.insider;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** A failure to configure or start the sandbox Insider One server. */
public class SandboxInsiderException extends CohortException {
    private static final long serialVersionUID = 1L;

    /** A setting is missing or malformed: a partner name, a token, a port, a delay, a field name. */
    public static final ErrorCode INVALID_SETTING = ErrorCode.user("SANDBOX_INSIDER_INVALID_SETTING");
    /** The server could not start: the port is taken or the address cannot be bound. */
    public static final ErrorCode START_FAILED = ErrorCode.user("SANDBOX_INSIDER_START_FAILED");

    public SandboxInsiderException(ErrorCode code, String message) {
        super(code, message);
    }

    public SandboxInsiderException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    static SandboxInsiderException invalid(String message) {
        return new SandboxInsiderException(INVALID_SETTING, message);
    }
}

package dev.cohort.sandbox.braze;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** A failure to configure or start the sandbox Braze server. */
public class SandboxBrazeException extends CohortException {
    private static final long serialVersionUID = 1L;

    /** A setting is missing or malformed: an API key, a limit, a port, a delay. */
    public static final ErrorCode INVALID_SETTING = ErrorCode.user("SANDBOX_BRAZE_INVALID_SETTING");
    /** The server could not start: the port is taken or the address cannot be bound. */
    public static final ErrorCode START_FAILED = ErrorCode.user("SANDBOX_BRAZE_START_FAILED");

    public SandboxBrazeException(ErrorCode code, String message) {
        super(code, message);
    }

    public SandboxBrazeException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    static SandboxBrazeException invalid(String message) {
        return new SandboxBrazeException(INVALID_SETTING, message);
    }
}

package dev.cohort.sandbox.air;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** A failure to configure, start or drive the sandbox Eagle Eye AIR server. */
public class SandboxAirException extends CohortException {
    private static final long serialVersionUID = 1L;

    /** A setting is missing or malformed: a client, an action, a tier, an identity, a port, a delay. */
    public static final ErrorCode INVALID_SETTING = ErrorCode.user("SANDBOX_AIR_INVALID_SETTING");
    /** The server could not start: the port is taken or the address cannot be bound. */
    public static final ErrorCode START_FAILED = ErrorCode.user("SANDBOX_AIR_START_FAILED");
    /** A wallet was asked for an identity value another wallet already has. */
    public static final ErrorCode IDENTITY_IN_USE = ErrorCode.user("SANDBOX_AIR_IDENTITY_IN_USE");
    /** A wallet id given to a method is not a wallet of this server. */
    public static final ErrorCode WALLET_NOT_FOUND = ErrorCode.user("SANDBOX_AIR_WALLET_NOT_FOUND");

    public SandboxAirException(ErrorCode code, String message) {
        super(code, message);
    }

    public SandboxAirException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    static SandboxAirException invalid(String message) {
        return new SandboxAirException(INVALID_SETTING, message);
    }
}

package dev.cohort.sandbox.sftp;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** A failure to configure or start the sandbox SFTP server, or to read or write its key files. */
public class SandboxSftpException extends CohortException {
    private static final long serialVersionUID = 1L;

    /** A setting is missing or malformed: a user name, a port, a combination of options. */
    public static final ErrorCode INVALID_SETTING = ErrorCode.user("SANDBOX_SFTP_INVALID_SETTING");
    /** A key file (host key, authorized keys, private key) cannot be read, parsed or written. */
    public static final ErrorCode KEY_FILE = ErrorCode.user("SANDBOX_SFTP_KEY_FILE");
    /** The server could not start: the port is taken, the root folder cannot be created. */
    public static final ErrorCode START_FAILED = ErrorCode.user("SANDBOX_SFTP_START_FAILED");

    public SandboxSftpException(ErrorCode code, String message) {
        super(code, message);
    }

    public SandboxSftpException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}

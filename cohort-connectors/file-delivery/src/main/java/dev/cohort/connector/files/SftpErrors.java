package dev.cohort.connector.files;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;
import java.util.List;

/**
 * The stable error codes of SFTP file delivery. Each names one cause a person can act on; the kind
 * says whether the runtime retries ({@link ErrorKind#EXTERNAL_TRANSIENT}) or stops.
 */
public final class SftpErrors {
    /** The host name does not resolve: usually a typo in {@code host}. */
    public static final ErrorCode UNKNOWN_HOST = ErrorCode.user("SFTP_UNKNOWN_HOST");
    /** Nothing listens on the port, or a firewall rejects the connection. */
    public static final ErrorCode CONNECTION_REFUSED = transientError("SFTP_CONNECTION_REFUSED");
    /** The server did not answer in time (connect, key exchange, authentication or a command). */
    public static final ErrorCode TIMEOUT = transientError("SFTP_TIMEOUT");
    /** The connection broke while in use. */
    public static final ErrorCode CONNECTION_LOST = transientError("SFTP_CONNECTION_LOST");
    /** The client and server share no key exchange, cipher or host key algorithm. */
    public static final ErrorCode NEGOTIATION_FAILED = permanent("SFTP_NEGOTIATION_FAILED");
    /** The server's host key is not the pinned one. */
    public static final ErrorCode HOST_KEY_REJECTED = permanent("SFTP_HOST_KEY_REJECTED");
    /** The server refused the user name with the credential's password or key. */
    public static final ErrorCode AUTHENTICATION_FAILED = ErrorCode.user("SFTP_AUTHENTICATION_FAILED");
    /** The user may not read or write where it was asked to. */
    public static final ErrorCode PERMISSION_DENIED = permanent("SFTP_PERMISSION_DENIED");
    /** The remote folder does not exist (or is not a folder). */
    public static final ErrorCode FOLDER_NOT_FOUND = ErrorCode.user("SFTP_FOLDER_NOT_FOUND");
    /** The server's disk or the user's quota is full. */
    public static final ErrorCode DISK_FULL = permanent("SFTP_DISK_FULL");
    /** A file with the final name exists and the server cannot replace it atomically. */
    public static final ErrorCode FILE_EXISTS = ErrorCode.user("SFTP_FILE_EXISTS");
    /** Any other refusal of the SFTP server. */
    public static final ErrorCode SERVER_ERROR = transientError("SFTP_SERVER_ERROR");

    private static final List<ErrorCode> ALL = List.of(UNKNOWN_HOST, CONNECTION_REFUSED, TIMEOUT, CONNECTION_LOST, NEGOTIATION_FAILED,
            HOST_KEY_REJECTED, AUTHENTICATION_FAILED, PERMISSION_DENIED, FOLDER_NOT_FOUND, DISK_FULL, FILE_EXISTS, SERVER_ERROR);

    private SftpErrors() {}

    /** Every code above, for documentation and tests. */
    public static List<ErrorCode> all() {
        return ALL;
    }

    private static ErrorCode transientError(String code) {
        return new ErrorCode(code, ErrorKind.EXTERNAL_TRANSIENT);
    }

    private static ErrorCode permanent(String code) {
        return new ErrorCode(code, ErrorKind.EXTERNAL_PERMANENT);
    }
}

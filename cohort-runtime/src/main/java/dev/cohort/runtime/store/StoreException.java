package dev.cohort.runtime.store;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;

/** A metadata store failure, with a message that says what to check. Messages never hold a password. */
public class StoreException extends CohortException {
    private static final long serialVersionUID = 1L;

    /** The PostgreSQL server cannot be reached (refused, timed out, unknown host) or the connection was lost. */
    public static final ErrorCode UNREACHABLE = new ErrorCode("STORE_UNREACHABLE", ErrorKind.EXTERNAL_TRANSIENT);
    /** The URL is neither {@code jdbc:sqlite:…} nor {@code jdbc:postgresql://…}, or is incomplete. */
    public static final ErrorCode BAD_URL = ErrorCode.user("STORE_BAD_URL");
    /** PostgreSQL refused the login: wrong password, unknown role, or no {@code pg_hba.conf} entry. */
    public static final ErrorCode ACCESS_DENIED = ErrorCode.user("STORE_ACCESS_DENIED");
    /** The PostgreSQL server has no database of the name in the URL. */
    public static final ErrorCode DATABASE_NOT_FOUND = ErrorCode.user("STORE_DATABASE_NOT_FOUND");
    /** The SQLite file or its folder cannot be created or written, or the file is not a SQLite database. */
    public static final ErrorCode UNUSABLE = ErrorCode.user("STORE_UNUSABLE");
    /** Another process held the SQLite write lock for longer than the store waits. */
    public static final ErrorCode BUSY = new ErrorCode("STORE_BUSY", ErrorKind.EXTERNAL_TRANSIENT);
    public static final ErrorCode MIGRATION_FAILED = ErrorCode.internal("STORE_MIGRATION_FAILED");
    public static final ErrorCode OBJECT_NOT_FOUND = ErrorCode.user("OBJECT_NOT_FOUND");
    public static final ErrorCode ALREADY_EXISTS = ErrorCode.user("ALREADY_EXISTS");
    public static final ErrorCode STORE_FAILURE = ErrorCode.internal("STORE_FAILURE");

    public StoreException(ErrorCode code, String message) {
        super(code, message);
    }

    public StoreException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}

package dev.cohort.runtime.store;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;

/** A metadata store failure, with a message that says what to check. */
public class StoreException extends CohortException {
    private static final long serialVersionUID = 1L;

    public static final ErrorCode UNREACHABLE = new ErrorCode("STORE_UNREACHABLE", ErrorKind.EXTERNAL_TRANSIENT);
    public static final ErrorCode BAD_URL = ErrorCode.user("STORE_BAD_URL");
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

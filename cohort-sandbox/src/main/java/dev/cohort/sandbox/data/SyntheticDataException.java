package dev.cohort.sandbox.data;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** A failure to generate synthetic data: a bad setting, or a directory that cannot be written. */
public class SyntheticDataException extends CohortException {
    private static final long serialVersionUID = 1L;

    public static final ErrorCode INVALID_SETTING = ErrorCode.user("SYNTHETIC_DATA_INVALID_SETTING");
    public static final ErrorCode WRITE_FAILED = ErrorCode.user("SYNTHETIC_DATA_WRITE_FAILED");

    public SyntheticDataException(ErrorCode code, String message) {
        super(code, message);
    }

    public SyntheticDataException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}

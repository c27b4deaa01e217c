package dev.cohort.runtime.run;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;

/** Thrown inside a run when it was cancelled; the run ends Cancelled and its delivery is aborted. */
final class RunCancelledException extends CohortException {
    private static final long serialVersionUID = 1L;
    static final ErrorCode CODE = ErrorCode.user("RUN_CANCELLED");

    RunCancelledException() {
        super(CODE, "the run was cancelled");
    }
}

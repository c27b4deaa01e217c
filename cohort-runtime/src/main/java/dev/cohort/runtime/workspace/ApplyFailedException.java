package dev.cohort.runtime.workspace;

import dev.cohort.spi.CohortException;
import java.util.List;

/**
 * An apply stopped part-way: the changes before the failing one were made and recorded, the failing
 * one left things as they were, and none after it was attempted. Applying again continues.
 */
public final class ApplyFailedException extends CohortException {
    private static final long serialVersionUID = 1L;
    private final transient List<PlannedChange> applied;
    private final transient PlannedChange failed;

    public ApplyFailedException(List<PlannedChange> applied, PlannedChange failed, CohortException cause) {
        super(cause.errorCode(), failed.kind().label() + " " + failed.name() + ": " + cause.getMessage(), cause);
        this.applied = List.copyOf(applied);
        this.failed = failed;
    }

    public List<PlannedChange> applied() {
        return applied;
    }

    public PlannedChange failed() {
        return failed;
    }
}

package dev.cohort.model;

/** Where a run of an orchestration is. The last four are final. */
public enum RunStatus {
    WAITING_TO_START("Waiting to start"),
    RUNNING("Running"),
    COMPLETED("Completed"),
    COMPLETED_WITH_WARNINGS("Completed with warnings"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    /** What people read: "Waiting to start". */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this != WAITING_TO_START && this != RUNNING;
    }
}

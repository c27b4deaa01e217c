package dev.cohort.model;

/**
 * Where a run of an orchestration is. The last four are final. A run whose partner completes the delivery
 * later (Insider One) waits for the partner's report after running: {@link #WAITING_FOR_PARTNER}.
 */
public enum RunStatus {
    WAITING_TO_START("Waiting to start"),
    RUNNING("Running"),
    WAITING_FOR_PARTNER("Waiting for partner"),
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
        return this != WAITING_TO_START && this != RUNNING && this != WAITING_FOR_PARTNER;
    }
}

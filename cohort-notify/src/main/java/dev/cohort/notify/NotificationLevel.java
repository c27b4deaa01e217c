package dev.cohort.notify;

/**
 * How important a notification is, which is also what happened to the run. Channels choose the levels they
 * want; each level has the {@link #event() event type} a webhook receiver sees and the {@link #label() word}
 * a person reads in an e-mail subject.
 */
public enum NotificationLevel {
    /** A run started. */
    RUNNING("run.started", "Started"),
    /** A run completed: every row was sent. */
    COMPLETED("run.completed", "Completed"),
    /** A run completed with warnings, for example rows the partner rejected. */
    WARNING("run.warning", "Warning"),
    /** A run failed. */
    ERROR("run.failed", "Failed");

    private final String event;
    private final String label;

    NotificationLevel(String event, String label) {
        this.event = event;
        this.label = label;
    }

    /** The {@code event} field of the webhook's JSON: {@code run.started}, {@code run.failed}, … */
    public String event() {
        return event;
    }

    /** What people read: "Failed". */
    public String label() {
        return label;
    }
}

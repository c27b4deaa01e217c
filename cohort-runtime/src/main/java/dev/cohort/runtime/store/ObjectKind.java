package dev.cohort.runtime.store;

/** The kinds of workspace object the store keeps, in the order they depend on each other. */
public enum ObjectKind {
    TABLE("table"),
    QUERY("query"),
    DATA_TEMPLATE("data template"),
    CREDENTIAL("credential"),
    /** Where run notifications go; after credentials, whose values it uses. */
    NOTIFICATION_CHANNEL("notification channel"),
    DESTINATION("destination"),
    ORCHESTRATION("orchestration"),
    /** A standing flow of loyalty events; after credentials, whose values it uses. */
    EVENT_CONNECTOR("event connector");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** The word people read: "data template". */
    public String label() {
        return label;
    }
}

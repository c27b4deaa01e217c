package dev.cohort.connector.braze;

/** How {@code batch_size} counts the objects of one {@code /users/track} request. */
public enum BatchCounting {
    /** Attributes, events and purchases together (Braze's current limit: 75 objects per request). */
    COMBINED,
    /** Each array on its own (Braze's legacy limit: 75 attributes, 75 events and 75 purchases per request). */
    PER_ARRAY;

    /** As written in settings. */
    public String settingValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.cohort.runtime.store;

/**
 * What a claim respects besides the queue's order.
 *
 * @param perDestination how many runs may write to one destination at the same time, across every node (at least 1)
 */
public record ClaimLimits(int perDestination) {
    /** Two runs per destination at a time unless the server is told otherwise. */
    public static final ClaimLimits DEFAULT = new ClaimLimits(2);

    public ClaimLimits {
        if (perDestination < 1) {
            throw new IllegalArgumentException("perDestination must be at least 1, not " + perDestination);
        }
    }
}

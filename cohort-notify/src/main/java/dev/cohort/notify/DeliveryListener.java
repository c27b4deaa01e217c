package dev.cohort.notify;

/**
 * Told the final outcome of delivering a notification to a channel, so the server can record it: delivered,
 * refused for good, or still failing when the dispatcher stopped trying. Called once per notification and
 * channel, from the dispatcher's background threads, so implementations must be thread-safe; an exception
 * thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface DeliveryListener {
    /** Ignores every outcome. */
    DeliveryListener NONE = (notification, channel, outcome) -> { };

    void finished(Notification notification, String channel, DeliveryOutcome outcome);
}

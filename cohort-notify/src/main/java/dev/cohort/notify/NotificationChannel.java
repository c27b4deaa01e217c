package dev.cohort.notify;

/**
 * A place outside Cohort that notifications go to: a webhook, an e-mail distribution. {@link #deliver} makes
 * exactly one attempt, synchronously, and says how it went; retrying is the {@link NotificationDispatcher}'s
 * job. That also makes {@code deliver} the way to send a test notification while someone watches.
 * Implementations are thread-safe: the dispatcher delivers several notifications at once.
 */
public interface NotificationChannel extends AutoCloseable {
    /** The channel's name, as the user gave it; names the channel in outcomes and logs. */
    String name();

    /** Whether the channel wants notifications of this level. */
    boolean wants(NotificationLevel level);

    /**
     * Makes one attempt to deliver the notification. Never throws for a failed delivery: the outcome says
     * whether it is worth trying again.
     */
    DeliveryOutcome deliver(Notification notification);

    /** Releases connections the channel holds; it is not used afterwards. */
    @Override
    default void close() {
    }
}

package dev.cohort.sandbox.air;

/**
 * How the server's event notifications fared, since it started.
 *
 * @param created notifications made (each once, whatever became of it)
 * @param delivered notifications the connector URL took (a 2xx answer), counted once each
 * @param duplicatesDelivered extra deliveries made by {@link AirFaults#deliverTwice()}
 * @param failedAttempts attempts that failed (an answer other than 2xx, no connection, a timeout)
 * @param abandoned notifications given up after the last attempt
 * @param withheld notifications not sent because of {@link AirFaults#withholdNotifications()}
 * @param noConnector notifications made while no connector URL was set (kept in the list, never sent)
 * @param pending notifications queued or being delivered now
 */
public record AirNotificationCounts(long created, long delivered, long duplicatesDelivered, long failedAttempts,
                                    long abandoned, long withheld, long noConnector, long pending) {
}

package dev.cohort.spi.event;

/**
 * What the loyalty platform did for a {@link Trigger}.
 *
 * @param transactionId the wallet transaction it made (AIR's id), or null
 * @param status        the transaction's status ({@code SETTLED}), or null
 * @param pointsAwarded the points it issued, or null when it does not say
 * @param duplicate     true when the platform had already done this transaction reference (nothing new issued)
 */
public record TriggerResult(String transactionId, String status, Long pointsAwarded, boolean duplicate) {}

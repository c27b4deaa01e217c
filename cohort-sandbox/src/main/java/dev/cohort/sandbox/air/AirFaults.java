package dev.cohort.sandbox.air;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox AIR server injects on purpose, so tests see how Cohort copes with what the real platform
 * does. All are off until switched on; {@link #clear()} switches them all off. Request faults apply from the next
 * request; {@code withholdNotifications} and {@code omitEnrichment} to notifications made from then on;
 * {@code deliverTwice} to deliveries made from then on. Thread-safe.
 *
 * <ul>
 *   <li>{@link #failNextRequests}: the next API requests answer {@code 500} (after authentication) and change nothing.</li>
 *   <li>{@link #rejectEverySignature}: every request answers {@code 401}, as after the client secret was rotated.</li>
 *   <li>{@link #delayAnswers}: every answer comes that much later.</li>
 *   <li>{@link #deliverTwice}: every notification is posted a second time, same {@code eesEventId}, right after
 *       the first delivery succeeded (AIR may deliver an event more than once).</li>
 *   <li>{@link #withholdNotifications}: notifications are made (and listed) but never posted.</li>
 *   <li>{@link #omitEnrichment}: notifications carry no {@code enrichmentData}; the identities are then only in
 *       the {@code walletIdentityEntity} operations of the events that have them.</li>
 * </ul>
 */
public final class AirFaults {
    private static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final AtomicInteger requestsToFail = new AtomicInteger();
    private volatile boolean rejectEverySignature;
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean deliverTwice;
    private volatile boolean withholdNotifications;
    private volatile boolean omitEnrichment;

    /** Answers the next {@code requests} authenticated API requests with {@code 500}; later ones are served normally. */
    public AirFaults failNextRequests(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("the number of requests to fail cannot be negative: " + requests);
        }
        requestsToFail.set(requests);
        return this;
    }

    /** Answers every request {@code 401}, whatever its client id and hash. */
    public AirFaults rejectEverySignature() {
        rejectEverySignature = true;
        return this;
    }

    /** Answers every request {@code delay} late (from zero to 10 minutes). */
    public AirFaults delayAnswers(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("an answer delay must be between 0 and 10 minutes, not " + delay);
        }
        answerDelay = delay;
        return this;
    }

    /** Posts every notification twice (same {@code eesEventId}). */
    public AirFaults deliverTwice() {
        deliverTwice = true;
        return this;
    }

    /** Makes notifications but never posts them. */
    public AirFaults withholdNotifications() {
        withholdNotifications = true;
        return this;
    }

    /** Leaves {@code enrichmentData} out of notifications. */
    public AirFaults omitEnrichment() {
        omitEnrichment = true;
        return this;
    }

    /** Switches every fault off. */
    public AirFaults clear() {
        requestsToFail.set(0);
        rejectEverySignature = false;
        answerDelay = Duration.ZERO;
        deliverTwice = false;
        withholdNotifications = false;
        omitEnrichment = false;
        return this;
    }

    boolean takeRequestToFail() {
        return requestsToFail.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    boolean rejectsEverySignature() {
        return rejectEverySignature;
    }

    Duration answerDelay() {
        return answerDelay;
    }

    boolean deliversTwice() {
        return deliverTwice;
    }

    boolean withholdsNotifications() {
        return withholdNotifications;
    }

    boolean omitsEnrichment() {
        return omitEnrichment;
    }
}

package dev.cohort.sandbox.insider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most {@code perSecond} requests in each clock second (a fixed one-second window: the count starts
 * again when the second of {@link Instant#getEpochSecond()} changes). Thread-safe.
 */
final class FixedWindowRateLimit {
    private final int perSecond;
    private long window = Long.MIN_VALUE;
    private int used;
    private long admitted;
    private long refused;

    FixedWindowRateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes one request at {@code now}: empty when admitted, else how long until the next window opens. */
    synchronized Optional<Duration> tryAdmit(Instant now) {
        long second = now.getEpochSecond();
        if (second != window) {
            window = second;
            used = 0;
        }
        if (used < perSecond) {
            used++;
            admitted++;
            return Optional.empty();
        }
        refused++;
        return Optional.of(Duration.ofSeconds(1).minusNanos(now.getNano()));
    }

    synchronized InsiderRequestCounts counts() {
        return new InsiderRequestCounts(admitted, refused);
    }
}

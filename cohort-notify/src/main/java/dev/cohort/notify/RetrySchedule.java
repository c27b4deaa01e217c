package dev.cohort.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How the {@link NotificationDispatcher} retries a channel's temporary failures: up to {@code maxAttempts}
 * attempts in all, waiting {@code baseDelay} before the first retry and doubling each time up to
 * {@code maxDelay}. Each wait is drawn at random between half and all of that ("jitter"), so many
 * notifications that failed together do not all come back at the same moment. When the receiver names its
 * own wait ({@code Retry-After}) the next attempt is never earlier than that; a wait longer than
 * {@code maxDelay} is not kept waiting for: the delivery gives up instead.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param baseDelay   the wait before the first retry
 * @param maxDelay    the longest wait between two attempts
 */
public record RetrySchedule(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    /** 5 attempts, waiting about 1, 2, 4 and 8 s in between, never more than 5 min. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(5, Duration.ofSeconds(1), Duration.ofMinutes(5));

    public RetrySchedule {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("A retry schedule needs at least 1 attempt, not " + maxAttempts + ".");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("A retry schedule needs 0 <= baseDelay <= maxDelay; it has baseDelay "
                    + baseDelay + " and maxDelay " + maxDelay + ".");
        }
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones, or empty when the receiver
     * asked to wait longer than {@link #maxDelay()}.
     */
    public Optional<Duration> waitAfter(int failedAttempts, Optional<Duration> retryAfter, RandomGenerator random) {
        Duration ceiling = baseDelay.multipliedBy(1L << Math.min(30, Math.max(0, failedAttempts - 1)));
        if (ceiling.compareTo(maxDelay) > 0) {
            ceiling = maxDelay;
        }
        long ceilingNanos = ceiling.toNanos();
        Duration wait = Duration.ofNanos(ceilingNanos / 2 + (ceilingNanos > 1 ? random.nextLong(ceilingNanos - ceilingNanos / 2) : 0));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            if (asked.compareTo(maxDelay) > 0) {
                return Optional.empty();
            }
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return Optional.of(wait);
    }
}

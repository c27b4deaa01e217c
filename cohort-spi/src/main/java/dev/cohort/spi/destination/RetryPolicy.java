package dev.cohort.spi.destination;

import java.time.Duration;
import java.util.Objects;

/**
 * How the runtime retries a delivery that failed with an {@link dev.cohort.spi.ErrorKind#EXTERNAL_TRANSIENT}
 * error: up to {@code maxAttempts} in all, waiting {@code initialBackoff}, doubled each time up to
 * {@code maxBackoff} (or the partner's own wait, when it names one). A file delivery is retried whole:
 * the query is read again and nothing of the failed attempt stays where the partner looks.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt} (2 for the first retry). */
    public Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 2)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

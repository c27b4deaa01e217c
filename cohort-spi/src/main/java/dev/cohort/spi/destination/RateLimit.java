package dev.cohort.spi.destination;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests a partner accepts, declared by the destination type and enforced by the runtime
 * (per credential), never by the connector itself.
 */
public record RateLimit(int requests, Duration per) {
    public RateLimit {
        Objects.requireNonNull(per, "per");
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs requests ≥ 1 per a positive duration");
        }
    }

    public static RateLimit perSecond(int requests) {
        return new RateLimit(requests, Duration.ofSeconds(1));
    }
}

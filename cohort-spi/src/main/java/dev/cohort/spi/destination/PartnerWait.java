package dev.cohort.spi.destination;

import java.time.Duration;
import java.util.Objects;

/**
 * A delivery the partner completes later: it took the request and will report on the run's callback URL
 * ({@link WriteContext#callbackUrl()}). The run waits (<i>Waiting for partner</i>) until the report
 * arrives — read by {@link DestinationType#readReport} — or {@code timeout} passes, which fails it.
 *
 * @param timeout     how long the partner may take
 * @param description what is awaited, for people: {@code Insider One processing segment 'vip'}
 */
public record PartnerWait(Duration timeout, String description) {
    public PartnerWait {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(description, "description");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a partner wait needs a positive timeout");
        }
    }
}

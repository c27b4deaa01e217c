package dev.cohort.spi.event;

import java.time.Duration;
import java.util.Objects;

/** What became of one event handed to a platform. */
public sealed interface DeliveryOutcome {
    /** The platform took it; {@code detail} says what it did (shown on the event, no PII). */
    record Delivered(String detail) implements DeliveryOutcome {}

    /**
     * A temporary failure (a 429, a 5xx, a timeout): the runtime tries again after {@code retryAfter} when the
     * platform named a wait, else after its own back-off.
     */
    record Retry(String reason, Duration retryAfter) implements DeliveryOutcome {
        public Retry {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A permanent failure (a 400, 401 or 404 from the platform, no identity of the configured type): the event
     * goes to the dead letters with {@code reason}, where it can be replayed once the cause is fixed.
     */
    record Rejected(String code, String reason) implements DeliveryOutcome {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package dev.cohort.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How delivering a notification to one channel went. A channel's {@link NotificationChannel#deliver} returns
 * the outcome of its one attempt ({@code attempts} 1); the {@link NotificationDispatcher} reports the final
 * outcome with the number of attempts it made. Reasons name the channel and what to fix; they never contain
 * a secret or the notification's body, so they can be logged and shown as they are.
 */
public sealed interface DeliveryOutcome {
    /** Attempts made: 1 for a single attempt, 0 when the notification was never tried. */
    int attempts();

    /** The same outcome after {@code attempts} attempts. */
    DeliveryOutcome withAttempts(int attempts);

    /** The channel accepted the notification. */
    static Delivered delivered(String detail) {
        return new Delivered(1, detail);
    }

    /** The attempt failed in a way that may pass: try again later. */
    static Temporary temporary(String reason) {
        return new Temporary(1, reason, Optional.empty());
    }

    /** The attempt failed in a way that may pass; the receiver asked to wait {@code retryAfter} first. */
    static Temporary temporary(String reason, Duration retryAfter) {
        return new Temporary(1, reason, Optional.of(retryAfter));
    }

    /** The channel refused the notification for good: trying again will not help until someone fixes something. */
    static Permanent permanent(String reason) {
        return new Permanent(1, reason);
    }

    /**
     * The channel accepted the notification.
     *
     * @param attempts attempts it took
     * @param detail   what accepted it: "HTTP 204 from https://hooks.example.com"
     */
    record Delivered(int attempts, String detail) implements DeliveryOutcome {
        public Delivered {
            requireAttempts(attempts);
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Delivered withAttempts(int attempts) {
            return new Delivered(attempts, detail);
        }
    }

    /**
     * The delivery failed in a way that may pass: a timeout, a refused connection, HTTP 503. As a final
     * outcome it means the dispatcher stopped trying (attempts used up, or shutting down).
     *
     * @param attempts   attempts made
     * @param reason     what went wrong and what to check
     * @param retryAfter how long the receiver asked to wait before the next attempt, if it said
     */
    record Temporary(int attempts, String reason, Optional<Duration> retryAfter) implements DeliveryOutcome {
        public Temporary {
            requireAttempts(attempts);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public Temporary withAttempts(int attempts) {
            return new Temporary(attempts, reason, retryAfter);
        }

        /** The same outcome with more said about why it is final. */
        public Temporary because(String why) {
            return new Temporary(attempts, reason + "; " + why, retryAfter);
        }
    }

    /**
     * The channel refused the notification for good: a wrong password, an unknown URL, HTTP 400, a redirect.
     *
     * @param attempts attempts made
     * @param reason   what is wrong and how to fix it
     */
    record Permanent(int attempts, String reason) implements DeliveryOutcome {
        public Permanent {
            requireAttempts(attempts);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Permanent withAttempts(int attempts) {
            return new Permanent(attempts, reason);
        }
    }

    private static void requireAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative: " + attempts);
        }
    }
}

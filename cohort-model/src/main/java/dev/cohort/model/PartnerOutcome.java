package dev.cohort.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A run's part that its partner completes later (Insider One processes a segment and reports back): what is
 * awaited, until when, and — once the partner reported — its counts.
 *
 * @param waitingFor what is awaited, for people: {@code Insider One processing segment 'vip'}
 * @param deadline   when the run fails if no report came
 * @param accepted   values the partner took (Insider's valid count); null until reported or when it did not say
 * @param rejected   values it could not use (Insider's invalid count); null until reported or when it did not say
 */
public record PartnerOutcome(String waitingFor, Instant deadline, Long accepted, Long rejected) {
    public PartnerOutcome {
        Objects.requireNonNull(waitingFor, "waitingFor");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** Whether the partner's counts arrived. */
    public boolean reported() {
        return accepted != null || rejected != null;
    }
}

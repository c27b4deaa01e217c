package dev.cohort.sandbox.braze;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the sandbox Braze server did: answered a request. Events never hold API keys, user identifiers or
 * attribute and property values — only paths, counts and reasons.
 *
 * @param time when it happened, by the server's clock
 * @param kind what happened
 * @param status the HTTP status answered
 * @param detail one human-readable line
 */
public record BrazeSandboxEvent(Instant time, Kind kind, int status, String detail) {
    /** The kinds of event the server reports. */
    public enum Kind {
        /** A request was answered (any status). */
        REQUEST_ANSWERED
    }

    public BrazeSandboxEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for a console, e.g. {@code POST /users/track: 2 attributes, 75 events, 0 purchases -> 201}. */
    public String describe() {
        return detail + " -> " + status;
    }
}

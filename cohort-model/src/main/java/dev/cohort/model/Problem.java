package dev.cohort.model;

import java.util.Objects;

/**
 * One thing wrong with a workspace: where it is, a stable code, and a message that says what is wrong
 * and how to fix it.
 */
public record Problem(Location location, String code, String message) {
    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String where = location.toString();
        return where.isEmpty() ? message : where + ": " + message;
    }
}

package dev.cohort.spi.config;

import java.util.Objects;

/**
 * One thing wrong with a plugin's settings or credential.
 *
 * @param field the setting ({@code port}) or secret ({@code credential.private_key}) at fault
 */
public record ConfigProblem(String field, String message) {
    public ConfigProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}

package dev.cohort.runtime.template;

import java.util.Objects;

/**
 * Why a row was rejected: the first field whose value broke a transform's rule, and the rule. Holds no
 * value from the row, so it can be logged, counted and shown as it is.
 *
 * @param field  the template field's name
 * @param reason the rule that was broken, e.g. "not a valid phone number for region US"
 */
public record Rejection(String field, String reason) {
    public Rejection {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code field CELLNAME: not a valid phone number for region US}. */
    @Override
    public String toString() {
        return "field " + field + ": " + reason;
    }
}

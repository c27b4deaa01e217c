package dev.cohort.sandbox.braze;

import java.util.Objects;

/**
 * A non-fatal error about one object of a {@code /users/track} request, as Braze lists it in {@code errors[]}: the
 * object was skipped, the others were processed.
 *
 * @param type what is wrong, e.g. {@code 'time' must be an ISO-8601 date-time}
 * @param inputArray {@code attributes}, {@code events} or {@code purchases}
 * @param index the object's position in that array, from 0
 */
public record BrazeObjectError(String type, String inputArray, int index) {
    public BrazeObjectError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(inputArray, "inputArray");
    }
}

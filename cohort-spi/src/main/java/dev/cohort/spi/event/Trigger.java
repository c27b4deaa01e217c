package dev.cohort.spi.event;

import java.util.List;
import java.util.Objects;

/**
 * A request to reward a consumer: the loyalty platform runs the behavioural actions named by
 * {@code actionReferences} for the consumer found by {@code identityValue}, once per {@code transactionReference}
 * (the platform refuses a reference it has seen, so a repeated trigger never rewards twice).
 * {@link #toString()} never shows the identity value (PII).
 */
public record Trigger(String identityValue, String transactionReference, List<String> actionReferences) {
    public Trigger {
        Objects.requireNonNull(identityValue, "identityValue");
        Objects.requireNonNull(transactionReference, "transactionReference");
        actionReferences = List.copyOf(actionReferences);
        if (actionReferences.isEmpty()) {
            throw new IllegalArgumentException("a trigger names at least one action reference");
        }
    }

    @Override
    public String toString() {
        return "Trigger[transactionReference=" + transactionReference + ", actionReferences=" + actionReferences + "]";
    }
}

package dev.cohort.spi.event;

import java.util.Objects;

/**
 * One identity of a consumer in the loyalty platform: its type ({@code CUSTOMER_ID}, {@code CARD},
 * {@code MOBILE}, {@code EMAIL}) and value. {@link #toString()} never shows the value (PII).
 */
public record Identity(String type, String value) {
    public Identity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Identity[type=" + type + "]";
    }
}

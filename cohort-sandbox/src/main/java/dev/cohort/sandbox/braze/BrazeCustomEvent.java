package dev.cohort.sandbox.braze;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A custom event as the stand-in received and kept it.
 *
 * @param name the event's {@code name}
 * @param time its {@code time}
 * @param properties its {@code properties} as plain Java values (strings, {@link java.math.BigDecimal} or integral
 *                   numbers, booleans, lists, maps, null), in the order sent; empty when none
 * @param appId its {@code app_id}, or null
 * @param receivedAt when the stand-in took it, by its clock
 */
public record BrazeCustomEvent(String name, Instant time, Map<String, Object> properties, String appId, Instant receivedAt) {
    public BrazeCustomEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String toString() {
        return "BrazeCustomEvent[name=" + name + ", time=" + time + ", properties=" + properties.keySet() + "]";
    }
}

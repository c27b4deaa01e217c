package dev.cohort.sandbox.braze;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the stand-in received for one user, at one moment. Attributes are merged as Braze merges them: the latest
 * value of each wins, a {@code null} removes it. Only the newest {@value #KEPT} events and purchases are kept; the
 * counts count all. {@link #toString()} shows names and counts, never attribute values.
 *
 * @param key how the objects named the user
 * @param attributes the user's attributes as plain Java values, in the order first set
 * @param events the newest custom events, oldest first
 * @param purchases the newest purchases, oldest first
 * @param attributeUpdates how many attribute objects were applied
 * @param eventsReceived how many events were taken in all
 * @param purchasesReceived how many purchases were taken in all
 */
public record BrazeUser(BrazeUserKey key, Map<String, Object> attributes, List<BrazeCustomEvent> events, List<BrazePurchase> purchases,
                        long attributeUpdates, long eventsReceived, long purchasesReceived) {
    /** Events and purchases kept per user. */
    public static final int KEPT = 1_000;

    public BrazeUser {
        Objects.requireNonNull(key, "key");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        events = List.copyOf(events);
        purchases = List.copyOf(purchases);
    }

    /** The user's events named {@code name}, oldest first. */
    public List<BrazeCustomEvent> events(String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    @Override
    public String toString() {
        return "BrazeUser[key=" + key + ", attributes=" + attributes.keySet() + ", events=" + eventsReceived + ", purchases="
                + purchasesReceived + ", attributeUpdates=" + attributeUpdates + "]";
    }
}

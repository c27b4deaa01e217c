package dev.cohort.connector.braze;

import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one loyalty event into Braze objects under a {@link BrazeConfig}'s mapping, within Braze's rules: property
 * keys of at most 255 characters not starting with {@code $} (others left out), string values cut to 255 characters,
 * an event's properties within {@link #MAX_PROPERTIES_BYTES}. Stateless.
 */
final class EventMapper {
    /** The most bytes of one event's properties, as JSON; Braze documents 50 KB for custom event properties. */
    static final int MAX_PROPERTIES_BYTES = 50_000;
    /** The kinds a purchase is sent for, when {@code purchase_product_id} is set. */
    static final Set<Kind> PURCHASE_KINDS = Set.of(Kind.PURCHASE_COMPLETED, Kind.PURCHASE_FULFILLED);

    private EventMapper() {}

    static MappedEvent map(LoyaltyEvent event, String externalId, BrazeConfig config) {
        BrazeMapping mapping = config.mapping();
        List<String> notes = new ArrayList<>();
        String time = DateTimeFormatter.ISO_INSTANT.format(event.occurredAt().truncatedTo(ChronoUnit.MILLIS));
        Map<String, Object> properties = null;

        String eventName = mapping.eventName(event).orElse(null);
        Map<String, Object> eventObject = null;
        if (eventName != null) {
            properties = properties(event, mapping, notes);
            eventObject = identified(externalId, config);
            eventObject.put("name", eventName);
            eventObject.put("time", time);
            if (!properties.isEmpty()) {
                eventObject.put("properties", properties);
            }
        }

        Map<String, Object> attributes = null;
        List<String> attributeNames = new ArrayList<>();
        for (Map.Entry<LoyaltyFact, String> attribute : mapping.attributes().entrySet()) {
            Object value = attribute.getKey().of(event);
            if (value != null) {
                if (attributes == null) {
                    attributes = identified(externalId, config);
                }
                attributes.put(attribute.getValue(), value instanceof String text ? cut(text, "attribute " + attribute.getValue(), notes)
                        : value);
                attributeNames.add(attribute.getValue());
            }
        }

        Map<String, Object> purchase = null;
        if (config.purchaseProductId() != null && PURCHASE_KINDS.contains(event.kind())) {
            Optional<String> missing = purchaseProblem(event);
            if (missing.isPresent()) {
                notes.add("no purchase sent: " + missing.get());
            } else {
                purchase = identified(externalId, config);
                purchase.put("product_id", config.purchaseProductId());
                purchase.put("currency", event.currency().strip().toUpperCase(Locale.ROOT));
                purchase.put("price", event.basketValue());
                purchase.put("quantity", 1);
                purchase.put("time", time);
                Map<String, Object> purchaseProperties = properties != null ? properties : properties(event, mapping, notes);
                if (!purchaseProperties.isEmpty()) {
                    purchase.put("properties", purchaseProperties);
                }
            }
        }
        return new MappedEvent(eventObject, attributes, purchase, eventName, attributeNames, notes);
    }

    private static Map<String, Object> identified(String externalId, BrazeConfig config) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("external_id", externalId);
        if (config.updateExistingOnly()) {
            object.put("_update_existing_only", true);
        }
        return object;
    }

    private static Optional<String> purchaseProblem(LoyaltyEvent event) {
        if (event.basketValue() == null) {
            return Optional.of("the event carries no basket value");
        }
        if (event.basketValue().signum() < 0) {
            return Optional.of("the basket value is negative");
        }
        if (event.currency() == null || !event.currency().strip().matches("[A-Za-z]{3}")) {
            return Optional.of("the event carries no ISO 4217 currency, which Braze requires of a purchase");
        }
        return Optional.empty();
    }

    /**
     * The event's properties: its facts under their property names, then its further properties by key, each left out
     * when the mapping says so or its key breaks Braze's rules; within {@link #MAX_PROPERTIES_BYTES}.
     */
    static Map<String, Object> properties(LoyaltyEvent event, BrazeMapping mapping, List<String> notes) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (LoyaltyFact fact : LoyaltyFact.values()) {
            Object value = fact.of(event);
            String name = mapping.propertyName(fact.key());
            if (value != null && !name.isEmpty()) {
                properties.put(name, value(value, name, notes));
            }
        }
        List<String> further = new ArrayList<>();
        for (Map.Entry<String, String> property : new TreeMap<>(event.properties()).entrySet()) {
            String key = property.getKey();
            if (LoyaltyFact.byKey(key).isPresent() || property.getValue() == null) {
                continue; // a fact's value comes from the fact
            }
            String name = mapping.propertyName(key);
            if (name.isEmpty()) {
                continue;
            }
            Optional<String> problem = BrazeNames.problem(name);
            if (problem.isPresent()) {
                notes.add("property " + BrazeNames.shown(name) + " left out: its name " + problem.get());
            } else if (properties.containsKey(name)) {
                notes.add("property " + BrazeNames.shown(key) + " left out: another property has the name " + BrazeNames.shown(name));
            } else {
                properties.put(name, cut(property.getValue(), "property " + name, notes));
                further.add(name);
            }
        }
        fitSize(properties, further, notes);
        return properties;
    }

    private static Object value(Object value, String name, List<String> notes) {
        if (value instanceof String text) {
            return cut(text, "property " + name, notes);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            int cut = 0;
            for (Object element : list) {
                String text = String.valueOf(element);
                String fitted = BrazeNames.truncate(text);
                cut += fitted.length() < text.length() ? 1 : 0;
                values.add(fitted);
            }
            if (cut > 0) {
                notes.add(cut + " value(s) of property " + BrazeNames.shown(name) + " cut to " + BrazeNames.MAX_LENGTH + " characters");
            }
            return values;
        }
        return value;
    }

    private static String cut(String text, String what, List<String> notes) {
        String fitted = BrazeNames.truncate(text);
        if (fitted.length() < text.length()) {
            notes.add(what + " cut to " + BrazeNames.MAX_LENGTH + " characters");
        }
        return fitted;
    }

    /** Leaves out further properties, last first, then coupons, last first, until the properties fit. */
    private static void fitSize(Map<String, Object> properties, List<String> further, List<String> notes) {
        long size = size(properties);
        if (size <= MAX_PROPERTIES_BYTES) {
            return;
        }
        int left = 0;
        while (!further.isEmpty() && size > MAX_PROPERTIES_BYTES) {
            String name = further.removeLast();
            size -= size(Map.of(name, properties.remove(name))) - 1; // "name":value and its comma
            left++;
        }
        if (left > 0) {
            notes.add(left + " further propert" + (left == 1 ? "y" : "ies") + " left out to keep the properties within "
                    + MAX_PROPERTIES_BYTES + " bytes");
        }
        String coupons = properties.keySet().stream().filter(k -> properties.get(k) instanceof List<?>).findFirst().orElse(null);
        if (coupons != null && size(properties) > MAX_PROPERTIES_BYTES) {
            List<?> all = (List<?>) properties.get(coupons);
            List<?> kept = all;
            while (kept.size() > 1 && size(properties) > MAX_PROPERTIES_BYTES) {
                kept = kept.subList(0, kept.size() / 2);
                properties.put(coupons, kept);
            }
            notes.add("property " + BrazeNames.shown(coupons) + " cut to its first " + kept.size() + " of " + all.size()
                    + " values to keep the properties within " + MAX_PROPERTIES_BYTES + " bytes");
        }
    }

    private static int size(Map<String, ?> properties) {
        return Json.write(properties).length;
    }
}

package dev.cohort.connector.braze;

import java.util.List;
import java.util.Map;

/**
 * One loyalty event as Braze objects: a custom event, an attributes object and a purchase, each null when the event
 * does not make one, and notes on what was changed to fit Braze's rules (for the event's outcome; no values).
 *
 * @param eventName      the custom event's name, or null
 * @param attributeNames the attributes set, in order
 */
record MappedEvent(Map<String, Object> event, Map<String, Object> attributes, Map<String, Object> purchase, String eventName,
                   List<String> attributeNames, List<String> notes) {
    MappedEvent {
        attributeNames = List.copyOf(attributeNames);
        notes = List.copyOf(notes);
    }

    boolean isEmpty() {
        return event == null && attributes == null && purchase == null;
    }

    /** What Braze records of it, for a delivered event's detail: {@code custom event 'Points Earned', attributes loyalty_points}. */
    String summary() {
        StringBuilder text = new StringBuilder();
        if (event != null) {
            text.append("custom event ").append(BrazeNames.shown(eventName));
        }
        if (attributes != null) {
            text.append(text.isEmpty() ? "" : ", ").append("attributes ").append(String.join(", ", attributeNames));
        }
        if (purchase != null) {
            text.append(text.isEmpty() ? "" : ", ").append("purchase ").append(BrazeNames.shown(String.valueOf(purchase.get("product_id"))));
        }
        return text.toString();
    }
}

package dev.cohort.sandbox.air;

import java.time.Instant;
import java.util.Objects;

/**
 * One outbound event notification the server made, as posted to the connector URL. {@link #toString()} leaves
 * out the JSON, which holds identity values.
 *
 * @param eesEventId the event's unique id ({@code headers.eesEventId}); a duplicate delivery repeats it
 * @param eventName {@code headers.eventName}, e.g. {@code SERVICE.TRIGGER}
 * @param walletId the wallet the event is about
 * @param eventDate {@code headers.eventDate}
 * @param json the envelope exactly as posted (UTF-8 JSON)
 */
public record AirNotification(String eesEventId, String eventName, String walletId, Instant eventDate, String json) {
    public AirNotification {
        Objects.requireNonNull(eesEventId, "eesEventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return "AirNotification[eesEventId=" + eesEventId + ", eventName=" + eventName + ", walletId=" + walletId
                + ", eventDate=" + eventDate + ", json=" + json.length() + " chars]";
    }
}

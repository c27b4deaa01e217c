package dev.cohort.connector.braze;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.event.Identity;
import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import dev.cohort.spi.event.MarketingPlatform.AddressedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loyalty events and configurations for tests. */
final class Events {
    static final Instant AT = Instant.parse("2026-03-14T09:26:53.589Z");
    static final String API_KEY = "b7c1e0f2-5a3d-4e9b-8c6f-1d2e3f4a5b6c";

    private Events() {}

    /** An event of {@code kind} with every fact. */
    static LoyaltyEvent full(Kind kind, String id) {
        return new LoyaltyEvent(id, "AIR." + kind.name(), kind, AT, "wallet-" + id, List.of(new Identity("CUSTOMER_ID", "cust-" + id)),
                1250L, 100L, "GOLD", "SILVER", new BigDecimal("42.50"), "GBP", List.of("COFFEE-10", "FREE-CAKE"), Map.of());
    }

    /** An event of {@code kind} with no fact but its id, name and time. */
    static LoyaltyEvent bare(Kind kind, String id) {
        return new LoyaltyEvent(id, "AIR." + kind.name(), kind, AT, null, List.of(), null, null, null, null, null, null, null, null);
    }

    static LoyaltyEvent withProperties(Kind kind, String id, Map<String, String> properties) {
        return new LoyaltyEvent(id, "AIR." + kind.name(), kind, AT, "wallet-" + id, List.of(), 10L, null, null, null, null, null, null,
                properties);
    }

    static AddressedEvent addressed(LoyaltyEvent event, String externalId) {
        return new AddressedEvent(event, externalId);
    }

    static Settings settings(Map<String, Object> values) {
        return new Settings(BrazeSettings.SETTINGS, values, Map.of("api_key", API_KEY));
    }

    static Settings settings(Map<String, Object> values, Map<String, String> secrets) {
        return new Settings(BrazeSettings.SETTINGS, values, secrets);
    }

    static BrazeConfig configAt(String endpoint, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        values.put("rest_endpoint", endpoint);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return BrazeSettings.bind(settings(values));
    }

    static BrazeConfig config(Object... keyValues) {
        return configAt("https://rest.iad-01.braze.com", keyValues);
    }
}

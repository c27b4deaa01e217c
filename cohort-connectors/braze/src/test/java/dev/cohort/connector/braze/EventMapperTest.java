package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventMapperTest {
    private static final BrazeConfig DEFAULTS = Events.config();

    private static MappedEvent map(LoyaltyEvent event, BrazeConfig config) {
        return EventMapper.map(event, "cust-1", config);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
    void everyKindIsACustomEventWithItsFactsAndSetsPointsAndTier(Kind kind) {
        MappedEvent mapped = map(Events.full(kind, "e1"), DEFAULTS);

        assertThat(mapped.event()).containsEntry("external_id", "cust-1")
                .containsEntry("name", BrazeMapping.DEFAULT_EVENT_NAMES.get(kind))
                .containsEntry("time", "2026-03-14T09:26:53.589Z");
        assertThat(mapped.event().get("properties")).isEqualTo(Map.ofEntries(
                Map.entry("loyalty_event", "AIR." + kind.name()),
                Map.entry("ees_event_id", "e1"),
                Map.entry("wallet_id", "wallet-e1"),
                Map.entry("points_awarded", 100L),
                Map.entry("points_balance", 1250L),
                Map.entry("tier", "GOLD"),
                Map.entry("previous_tier", "SILVER"),
                Map.entry("basket_value", new BigDecimal("42.50")),
                Map.entry("currency", "GBP"),
                Map.entry("coupons", List.of("COFFEE-10", "FREE-CAKE"))));
        assertThat(mapped.attributes()).containsExactly(Map.entry("external_id", "cust-1"), Map.entry("loyalty_points", 1250L),
                Map.entry("loyalty_tier", "GOLD"));
        assertThat(mapped.purchase()).isNull();
        assertThat(mapped.notes()).isEmpty();
        assertThat(mapped.summary()).isEqualTo("custom event '" + BrazeMapping.DEFAULT_EVENT_NAMES.get(kind)
                + "', attributes loyalty_points, loyalty_tier");
    }

    @Test
    void theDefaultNamesAreTheOnesMarketersExpect() {
        assertThat(BrazeMapping.DEFAULT_EVENT_NAMES).containsEntry(Kind.PURCHASE_COMPLETED, "Order Completed")
                .containsEntry(Kind.COUPON_REDEEMED, "Coupon Redeemed").containsEntry(Kind.POINTS_AWARDED, "Points Earned")
                .containsEntry(Kind.TIER_MOVED, "Tier Changed").hasSize(Kind.values().length - 1).doesNotContainKey(Kind.OTHER);
    }

    @Test
    void theTimeIsTheEventsInUtcToTheMillisecond() {
        LoyaltyEvent event = new LoyaltyEvent("e0", "AIR.X", Kind.TIER_MOVED, java.time.Instant.parse("2026-03-14T09:26:53.123456789Z"),
                null, null, null, null, null, null, null, null, null, null);

        assertThat(map(event, DEFAULTS).event()).containsEntry("time", "2026-03-14T09:26:53.123Z");
    }

    @Test
    void anOtherEventSendsNoCustomEventButStillSetsItsAttributes() {
        MappedEvent mapped = map(Events.full(Kind.OTHER, "e2"), DEFAULTS);

        assertThat(mapped.event()).isNull();
        assertThat(mapped.attributes()).containsEntry("loyalty_points", 1250L);
        assertThat(mapped.isEmpty()).isFalse();
        assertThat(map(Events.bare(Kind.OTHER, "e3"), DEFAULTS).isEmpty()).isTrue();
    }

    @Test
    void factsTheEventDoesNotCarryAreLeftOutAndNoAttributesObjectIsMade() {
        MappedEvent mapped = map(Events.bare(Kind.WALLET_CREATED, "e4"), DEFAULTS);

        assertThat(mapped.event().get("properties")).isEqualTo(Map.of("loyalty_event", "AIR.WALLET_CREATED", "ees_event_id", "e4"));
        assertThat(mapped.attributes()).isNull();
        assertThat(mapped.summary()).isEqualTo("custom event 'Loyalty Joined'");
    }

    @Test
    void theMappingRenamesAndLeavesOut() {
        BrazeConfig config = Events.config("event_names", "POINTS_AWARDED=Points Credited", "attributes", "tier=-,previous_tier=last_tier",
                "properties", "ees_event_id=air_event_id,wallet_id=-,coupons=-");
        MappedEvent mapped = map(Events.full(Kind.POINTS_AWARDED, "e5"), config);

        assertThat(mapped.eventName()).isEqualTo("Points Credited");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) mapped.event().get("properties");
        assertThat(properties).containsEntry("air_event_id", "e5").doesNotContainKeys("ees_event_id", "wallet_id", "coupons");
        assertThat(mapped.attributes()).containsOnlyKeys("external_id", "loyalty_points", "last_tier");
    }

    @Test
    void furtherPropertiesFollowTheFactsUnderBrazesRules() {
        Map<String, String> further = new LinkedHashMap<>();
        further.put("store", "Leeds");
        further.put("$internal", "x");
        further.put("k".repeat(256), "too long a key");
        further.put("tier", "not the fact");
        further.put("note", "é".repeat(300));
        further.put("emoji", "a" + "😀".repeat(260));
        MappedEvent mapped = map(Events.withProperties(Kind.POINTS_AWARDED, "e6", further), DEFAULTS);

        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) mapped.event().get("properties");
        assertThat(properties).containsEntry("store", "Leeds").doesNotContainKeys("$internal", "k".repeat(256), "tier");
        assertThat((String) properties.get("note")).hasSize(255);
        String emoji = (String) properties.get("emoji");
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(255);
        assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 1))).as("no half of a surrogate pair").isFalse();
        assertThat(mapped.notes()).anySatisfy(note -> assertThat(note).contains("'$internal' left out").contains("'$'"))
                .anySatisfy(note -> assertThat(note).contains("256 characters"))
                .anySatisfy(note -> assertThat(note).isEqualTo("property note cut to 255 characters"))
                .anySatisfy(note -> assertThat(note).isEqualTo("property emoji cut to 255 characters"));
    }

    @Test
    void longStringFactsAndCouponsAreCut() {
        LoyaltyEvent event = new LoyaltyEvent("e7", "AIR.X", Kind.COUPON_REDEEMED, Events.AT, null, null, null, null, "T".repeat(300),
                null, null, null, List.of("C".repeat(400), "short"), null);
        MappedEvent mapped = map(event, DEFAULTS);

        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) mapped.event().get("properties");
        assertThat((String) properties.get("tier")).hasSize(255);
        assertThat(properties.get("coupons")).isEqualTo(List.of("C".repeat(255), "short"));
        assertThat((String) mapped.attributes().get("loyalty_tier")).hasSize(255);
        assertThat(mapped.notes()).contains("property tier cut to 255 characters", "1 value(s) of property 'coupons' cut to 255 characters",
                "attribute loyalty_tier cut to 255 characters");
    }

    @Test
    void propertiesAreKeptWithinBrazesSize() {
        Map<String, String> further = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            further.put("p" + String.format("%03d", i), "v".repeat(250));
        }
        MappedEvent mapped = map(Events.withProperties(Kind.POINTS_AWARDED, "e8", further), DEFAULTS);

        byte[] json = Json.write(mapped.event().get("properties"));
        assertThat(json.length).isLessThanOrEqualTo(EventMapper.MAX_PROPERTIES_BYTES);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) mapped.event().get("properties");
        assertThat(properties).containsKeys("ees_event_id", "points_balance", "p000").doesNotContainKey("p399");
        assertThat(mapped.notes()).anySatisfy(note -> assertThat(note).contains("further properties left out").contains("50000 bytes"));
    }

    @Test
    void aCompletedOrderIsAlsoAPurchaseWhenAProductIdIsSet() {
        BrazeConfig config = Events.config("purchase_product_id", "basket");
        MappedEvent mapped = map(Events.full(Kind.PURCHASE_COMPLETED, "e9"), config);

        assertThat(mapped.purchase()).containsEntry("external_id", "cust-1").containsEntry("product_id", "basket")
                .containsEntry("currency", "GBP").containsEntry("price", new BigDecimal("42.50")).containsEntry("quantity", 1)
                .containsEntry("time", "2026-03-14T09:26:53.589Z").containsKey("properties");
        assertThat(Json.write(mapped.purchase())).asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"price\":42.50");
        assertThat(map(Events.full(Kind.PURCHASE_FULFILLED, "e10"), config).purchase()).isNotNull();
        assertThat(map(Events.full(Kind.PURCHASE_REFUNDED, "e11"), config).purchase()).isNull();
        assertThat(map(Events.full(Kind.PURCHASE_COMPLETED, "e12"), DEFAULTS).purchase()).as("off by default").isNull();
    }

    @Test
    void aPurchaseWithoutCurrencyIsNotSentAndSaysWhy() {
        LoyaltyEvent event = new LoyaltyEvent("e13", "POSCONNECT.WALLET.SETTLE", Kind.PURCHASE_COMPLETED, Events.AT, null, null, null, null,
                null, null, new BigDecimal("10"), null, null, null);
        MappedEvent mapped = map(event, Events.config("purchase_product_id", "basket"));

        assertThat(mapped.purchase()).isNull();
        assertThat(mapped.event()).isNotNull();
        assertThat(mapped.notes()).containsExactly("no purchase sent: the event carries no ISO 4217 currency, which Braze requires of a purchase");
    }

    @Test
    void updateExistingOnlyMarksEveryObject() {
        MappedEvent mapped = map(Events.full(Kind.PURCHASE_COMPLETED, "e14"),
                Events.config("update_existing_only", true, "purchase_product_id", "basket"));

        assertThat(mapped.event()).containsEntry("_update_existing_only", true);
        assertThat(mapped.attributes()).containsEntry("_update_existing_only", true);
        assertThat(mapped.purchase()).containsEntry("_update_existing_only", true);
        assertThat(map(Events.full(Kind.TIER_MOVED, "e15"), DEFAULTS).event()).doesNotContainKey("_update_existing_only");
    }
}

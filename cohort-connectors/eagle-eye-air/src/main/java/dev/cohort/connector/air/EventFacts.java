package dev.cohort.connector.air;

import dev.cohort.spi.event.Identity;
import dev.cohort.spi.event.LoyaltyEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of one event while its extractors gather them; {@link #build()} makes the {@link LoyaltyEvent}. Not
 * thread-safe: one per notification.
 */
final class EventFacts {
    final AirEnvelope envelope;
    final AirConfig config;
    LoyaltyEvent.Kind kind;
    String walletId;
    List<Identity> identities = List.of();
    Long pointsBalance;
    Long pointsAwarded;
    String tier;
    String previousTier;
    BigDecimal basketValue;
    String currency;
    final List<String> coupons = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    EventFacts(AirEnvelope envelope, AirConfig config, LoyaltyEvent.Kind kind) {
        this.envelope = envelope;
        this.config = config;
        this.kind = kind;
    }

    /** Records a property when {@code value} is not null; numbers are written plainly ({@code 63.00}, not {@code 6.3E+1}). */
    void property(String name, Object value) {
        if (value instanceof BigDecimal decimal) {
            properties.put(name, decimal.toPlainString());
        } else if (value != null && !value.toString().isBlank()) {
            properties.put(name, value.toString());
        }
    }

    /** An amount of money as AIR writes it (minor units) in the currency's units, per {@code basket_value_decimals}. */
    BigDecimal money(BigDecimal minorUnits) {
        return minorUnits == null ? null : minorUnits.movePointLeft(config.basketValueDecimals());
    }

    Map<String, String> properties() {
        return properties;
    }

    LoyaltyEvent build() {
        AirEnvelope.Headers headers = envelope.headers();
        return new LoyaltyEvent(headers.eesEventId(), headers.eventName(), kind, headers.occurredAt(), walletId, identities,
                pointsBalance, pointsAwarded, tier, previousTier, basketValue, currency, coupons, properties);
    }
}

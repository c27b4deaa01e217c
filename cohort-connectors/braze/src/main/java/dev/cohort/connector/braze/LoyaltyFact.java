package dev.cohort.connector.braze;

import dev.cohort.spi.event.LoyaltyEvent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The facts of a {@link LoyaltyEvent} the connector sends, each under a name: an event property by default, and —
 * for the facts that describe the consumer rather than the event — a profile attribute when the {@code attributes}
 * mapping names one.
 */
public enum LoyaltyFact {
    /** The loyalty platform's name of the event ({@code POSCONNECT.WALLET.SETTLE}). */
    LOYALTY_EVENT(LoyaltyEvent::eventName, false),
    /** The platform's unique id of the event (AIR's {@code eesEventId}): the same for a duplicate. */
    EES_EVENT_ID(LoyaltyEvent::eventId, false),
    WALLET_ID(LoyaltyEvent::walletId, true),
    POINTS_AWARDED(LoyaltyEvent::pointsAwarded, false),
    POINTS_BALANCE(LoyaltyEvent::pointsBalance, true),
    TIER(LoyaltyEvent::tier, true),
    PREVIOUS_TIER(LoyaltyEvent::previousTier, true),
    BASKET_VALUE(LoyaltyEvent::basketValue, false),
    CURRENCY(LoyaltyEvent::currency, false),
    /** The redeemed coupons, as a JSON array of strings. */
    COUPONS(event -> event.coupons().isEmpty() ? null : event.coupons(), false);

    private final Function<LoyaltyEvent, Object> value;
    private final boolean attribute;

    LoyaltyFact(Function<LoyaltyEvent, Object> value, boolean attribute) {
        this.value = value;
        this.attribute = attribute;
    }

    /** The fact's name in settings and its default property name: lower snake case ({@code points_balance}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it may be a profile attribute (it describes the consumer, not one event). */
    public boolean attribute() {
        return attribute;
    }

    /** Its value in {@code event}, or null when the event does not carry it. */
    public Object of(LoyaltyEvent event) {
        return value.apply(event);
    }

    /** The fact of that key ({@code points_balance}, any case), if there is one. */
    public static Optional<LoyaltyFact> byKey(String key) {
        return Arrays.stream(values()).filter(fact -> fact.key().equalsIgnoreCase(key.strip())).findFirst();
    }
}

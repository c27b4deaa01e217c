package dev.cohort.connector.braze;

import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How loyalty events become Braze objects: the custom event name of each kind (or of one platform event name), the
 * profile attributes set from the event's facts, and the names of its event properties. Built from
 * {@link #DEFAULT_EVENT_NAMES} and {@link #DEFAULT_ATTRIBUTES} with the settings' entries on top; immutable.
 *
 * @param eventNames         the custom event name of each kind; a kind absent sends no custom event
 * @param platformEventNames custom event names by the platform's event name, upper-case ({@code POSCONNECT.WALLET.SPEND});
 *                           they come before the kind's; an empty name sends no custom event
 * @param attributes         the profile attribute each fact sets, when the event carries the fact
 * @param propertyNames      event property names other than the default (a fact's key or a further property's own
 *                           name → its name in Braze); an empty name leaves the property out
 */
public record BrazeMapping(Map<Kind, String> eventNames, Map<String, String> platformEventNames, Map<LoyaltyFact, String> attributes,
                           Map<String, String> propertyNames) {
    /** The custom event name of each kind when {@code event_names} does not say otherwise; {@code OTHER} has none. */
    public static final Map<Kind, String> DEFAULT_EVENT_NAMES = defaultEventNames();
    /** The profile attributes when {@code attributes} does not say otherwise. */
    public static final Map<LoyaltyFact, String> DEFAULT_ATTRIBUTES = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            LoyaltyFact.POINTS_BALANCE, "loyalty_points",
            LoyaltyFact.TIER, "loyalty_tier")));
    /** The mapping with no entries in the settings. */
    public static final BrazeMapping DEFAULTS = new BrazeMapping(DEFAULT_EVENT_NAMES, Map.of(), DEFAULT_ATTRIBUTES, Map.of());

    public BrazeMapping {
        eventNames = Collections.unmodifiableMap(eventNames.isEmpty() ? new EnumMap<>(Kind.class) : new EnumMap<>(eventNames));
        platformEventNames = Map.copyOf(platformEventNames);
        attributes = Collections.unmodifiableMap(attributes.isEmpty() ? new EnumMap<>(LoyaltyFact.class) : new EnumMap<>(attributes));
        propertyNames = Map.copyOf(propertyNames);
    }

    /** The custom event name {@code event} is sent as, or empty when it sends no custom event. */
    public Optional<String> eventName(LoyaltyEvent event) {
        String byPlatformName = platformEventNames.get(event.eventName().toUpperCase(Locale.ROOT));
        if (byPlatformName != null) {
            return byPlatformName.isEmpty() ? Optional.empty() : Optional.of(byPlatformName);
        }
        return Optional.ofNullable(eventNames.get(event.kind()));
    }

    /** The property name of a fact's key or a further property's name: itself unless mapped; empty when left out. */
    public String propertyName(String name) {
        return Objects.requireNonNullElse(propertyNames.get(name), name);
    }

    private static Map<Kind, String> defaultEventNames() {
        Map<Kind, String> names = new EnumMap<>(Kind.class);
        names.put(Kind.WALLET_CREATED, "Loyalty Joined");
        names.put(Kind.WALLET_DELETED, "Loyalty Left");
        names.put(Kind.CONSUMER_CREATED, "Loyalty Profile Created");
        names.put(Kind.CONSUMER_UPDATED, "Loyalty Profile Updated");
        names.put(Kind.ACCOUNT_CREATED, "Loyalty Account Created");
        names.put(Kind.ACCOUNT_UPDATED, "Loyalty Account Updated");
        names.put(Kind.POINTS_AWARDED, "Points Earned");
        names.put(Kind.PURCHASE_OPENED, "Order Opened");
        names.put(Kind.PURCHASE_COMPLETED, "Order Completed");
        names.put(Kind.PURCHASE_FULFILLED, "Order Fulfilled");
        names.put(Kind.PURCHASE_REFUNDED, "Order Refunded");
        names.put(Kind.POINTS_SPENT, "Points Spent");
        names.put(Kind.POINTS_SPEND_VOIDED, "Points Spend Voided");
        names.put(Kind.TIER_JOINED, "Tier Joined");
        names.put(Kind.TIER_MOVED, "Tier Changed");
        names.put(Kind.TIER_CREDITED, "Tier Credited");
        names.put(Kind.TIER_DEBITED, "Tier Debited");
        names.put(Kind.TIER_ADJUSTED, "Tier Adjusted");
        names.put(Kind.PLAN_JOINED, "Plan Joined");
        names.put(Kind.COUPON_REDEEMED, "Coupon Redeemed");
        return Collections.unmodifiableMap(names);
    }
}

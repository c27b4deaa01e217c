package dev.cohort.spi.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in the loyalty platform, as a marketer needs it: read by a {@link LoyaltyPlatform} from its
 * notification (tolerant of fields it does not know), handed to a {@link MarketingPlatform}. Facts the event
 * does not carry are null.
 *
 * @param eventId        the platform's unique id of the event (AIR's {@code eesEventId}): duplicates share it
 * @param eventName      the platform's name of the event ({@code POSCONNECT.WALLET.SETTLE})
 * @param kind           what kind of thing happened
 * @param occurredAt     when it happened
 * @param walletId       the consumer's wallet: events of one wallet are delivered in order
 * @param identities     the consumer's identities (from the notification's enrichment data or its identity operations)
 * @param pointsBalance  the points balance after the event
 * @param pointsAwarded  points credited (positive) or debited (negative) by the event
 * @param tier           the consumer's tier after the event
 * @param previousTier   the tier before, for a tier move
 * @param basketValue    the basket's total, for a purchase or refund
 * @param currency       the basket's currency (ISO 4217), when known
 * @param coupons        coupons redeemed (their names or references)
 * @param properties     further facts worth passing on, by name
 */
public record LoyaltyEvent(String eventId, String eventName, Kind kind, Instant occurredAt, String walletId,
                           List<Identity> identities, Long pointsBalance, Long pointsAwarded, String tier,
                           String previousTier, BigDecimal basketValue, String currency, List<String> coupons,
                           Map<String, String> properties) {
    /** The kinds of loyalty event a marketing platform may treat differently. */
    public enum Kind {
        WALLET_CREATED, WALLET_DELETED, CONSUMER_CREATED, CONSUMER_UPDATED, ACCOUNT_CREATED, ACCOUNT_UPDATED,
        POINTS_AWARDED, PURCHASE_OPENED, PURCHASE_COMPLETED, PURCHASE_FULFILLED, PURCHASE_REFUNDED, POINTS_SPENT,
        POINTS_SPEND_VOIDED, TIER_JOINED, TIER_MOVED, TIER_CREDITED, TIER_DEBITED, TIER_ADJUSTED, PLAN_JOINED,
        COUPON_REDEEMED, OTHER
    }

    public LoyaltyEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        identities = identities == null ? List.of() : List.copyOf(identities);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The consumer's identity of {@code type} (compared ignoring case), if the event carries one. */
    public Optional<Identity> identity(String type) {
        return identities.stream().filter(identity -> identity.type().equalsIgnoreCase(type)).findFirst();
    }
}

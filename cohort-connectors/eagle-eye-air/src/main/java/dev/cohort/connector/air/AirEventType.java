package dev.cohort.connector.air;

import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AIR event types Cohort reads, each with the {@link Kind} it becomes and its extractor. Any other event name
 * is read as {@link Kind#OTHER} with the common facts — or {@link Kind#COUPON_REDEEMED} when it redeems a coupon,
 * as any AIR API can.
 */
enum AirEventType {
    SERVICE_TRIGGER("SERVICE.TRIGGER", Kind.POINTS_AWARDED, Extractors::trigger),
    WALLET_CREATE("SERVICE.WALLET.CREATE", Kind.WALLET_CREATED, Extractors::walletCreated),
    WALLET_ACCOUNTS_CREATE("SERVICE.WALLET.ACCOUNTS.CREATE", Kind.WALLET_CREATED, Extractors::walletCreated),
    WALLET_DELETE("SERVICE.WALLET.DELETE", Kind.WALLET_DELETED, Extractors::walletDeleted),
    CONSUMER_CREATE("WALLET.CONSUMER.CREATE", Kind.CONSUMER_CREATED, Extractors::consumer),
    CONSUMER_UPDATE("WALLET.CONSUMER.UPDATE", Kind.CONSUMER_UPDATED, Extractors::consumer),
    ACCOUNT_CREATE_SCHEME("WALLET.ACCOUNT.CREATE.SCHEME", Kind.ACCOUNT_CREATED, Extractors::schemeAccount),
    ACCOUNT_CREATE_CAMPAIGN("WALLET.ACCOUNT.CREATE.CAMPAIGN", Kind.ACCOUNT_CREATED, Extractors::account),
    ACCOUNT_CREATE("WALLET.ACCOUNT.CREATE", Kind.ACCOUNT_CREATED, Extractors::account),
    ACCOUNT_CREATE_PLAN("WALLET.ACCOUNT.CREATE.PLAN", Kind.PLAN_JOINED, Extractors::plan),
    ACCOUNT_UPDATE("WALLET.ACCOUNT.UPDATE", Kind.ACCOUNT_UPDATED, Extractors::account),
    ACCOUNT_TRANSACTION_REDEEM("WALLET.ACCOUNT.TRANSACTION.REDEEM", Kind.COUPON_REDEEMED, Extractors::redemption),
    POS_OPEN("POSCONNECT.WALLET.OPEN", Kind.PURCHASE_OPENED, Extractors.purchase(Set.of("OPEN", "SETTLE"))),
    POS_SETTLE("POSCONNECT.WALLET.SETTLE", Kind.PURCHASE_COMPLETED, Extractors.purchase(Set.of("SETTLE"))),
    POS_FULFIL("POSCONNECT.WALLET.FULFIL", Kind.PURCHASE_FULFILLED, Extractors.purchase(Set.of("FULFIL", "SETTLE"))),
    POS_REFUND("POSCONNECT.WALLET.REFUND", Kind.PURCHASE_REFUNDED, Extractors::refund),
    POS_RETURN("POSCONNECT.WALLET.RETURN", Kind.PURCHASE_REFUNDED, Extractors::refund),
    POS_SPEND("POSCONNECT.WALLET.SPEND", Kind.POINTS_SPENT, Extractors::spend),
    POS_SPEND_VOID("POSCONNECT.WALLET.SPEND.VOID", Kind.POINTS_SPEND_VOIDED, Extractors::spendVoid),
    TIER_CREATE("TIER.MEMBERSHIP.CREATE", Kind.TIER_JOINED, Extractors::tier),
    TIER_MOVE("TIER.MEMBERSHIP.MOVE", Kind.TIER_MOVED, Extractors::tier),
    TIER_CREDIT("TIER.MEMBERSHIP.CREDIT", Kind.TIER_CREDITED, Extractors::tier),
    TIER_DEBIT("TIER.MEMBERSHIP.DEBIT", Kind.TIER_DEBITED, Extractors::tier),
    TIER_ADJUST("TIER.MEMBERSHIP.ADJUST", Kind.TIER_ADJUSTED, Extractors::tier);

    private static final Map<String, AirEventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AirEventType::eventName, Function.identity()));

    private final String eventName;
    private final Kind kind;
    private final Extractor extractor;

    AirEventType(String eventName, Kind kind, Extractor extractor) {
        this.eventName = eventName;
        this.kind = kind;
        this.extractor = extractor;
    }

    /** The type of AIR event {@code eventName} (matched ignoring case), or empty for one Cohort does not know. */
    static Optional<AirEventType> of(String eventName) {
        return Optional.ofNullable(eventName == null ? null : BY_NAME.get(eventName.strip().toUpperCase(Locale.ROOT)));
    }

    String eventName() {
        return eventName;
    }

    Kind kind() {
        return kind;
    }

    Extractor extractor() {
        return extractor;
    }
}

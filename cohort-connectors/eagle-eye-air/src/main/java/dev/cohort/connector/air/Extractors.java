package dev.cohort.connector.air;

import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What an AIR event means for a marketer, read from its atomic operations (and, where those say nothing, from the
 * request and answer it records). {@link #common} reads what any event may carry — wallet, identities, points
 * balance and change, redeemed coupons, tier — and one extractor per event type ({@link AirEventType}) adds what
 * that type is about. Every lookup is tolerant: a fact the notification does not carry stays null.
 */
final class Extractors {
    static final String WALLET_ENTITY = "walletEntity";
    static final String ACCOUNT_ENTITY = "walletAccountEntity";
    static final String CONSUMER_ENTITY = "walletConsumerEntity";

    private Extractors() {}

    /** The facts any event may carry. */
    static void common(EventFacts facts) {
        AirEnvelope envelope = facts.envelope;
        facts.walletId = Wallets.walletId(envelope);
        facts.identities = Wallets.identities(envelope, facts.walletId);
        facts.currency = facts.config.currency();
        List<AccountTransaction> movements = AccountTransaction.of(envelope);
        points(facts, movements);
        coupons(facts, movements);
        TierState.of(envelope).ifPresent(tier -> tier(facts, tier));
    }

    /** Points balance (the last balance of each points account, summed) and points change (the movements, summed). */
    private static void points(EventFacts facts, List<AccountTransaction> movements) {
        Map<String, Long> balances = new LinkedHashMap<>();
        for (JsonNode account : values(facts.envelope, ACCOUNT_ENTITY)) {
            if ("POINTS".equalsIgnoreCase(Json.text(account, "type")) && Json.whole(account, "balances.current") != null) {
                balances.put(key(Json.text(account, "accountId"), balances), Json.whole(account, "balances.current"));
            }
        }
        Long change = null;
        for (AccountTransaction movement : movements) {
            if (!movement.points()) {
                continue;
            }
            if (movement.balance() != null) {
                balances.put(key(movement.accountId(), balances), movement.balance());
            }
            change = (change == null ? 0 : change) + movement.pointsChange();
        }
        if (!balances.isEmpty()) {
            facts.pointsBalance = balances.values().stream().mapToLong(Long::longValue).sum();
        }
        facts.pointsAwarded = change;
    }

    private static String key(String accountId, Map<String, Long> balances) {
        return accountId != null ? accountId : "#" + balances.size();
    }

    /** Coupons redeemed: REDEEM movements on accounts that are not points or behavioural actions. */
    private static void coupons(EventFacts facts, List<AccountTransaction> movements) {
        BigDecimal value = null;
        for (AccountTransaction movement : movements) {
            if (movement.couponRedeemed()) {
                facts.coupons.add(movement.label() != null ? movement.label() : "coupon");
                if (movement.value() != null) {
                    value = (value == null ? BigDecimal.ZERO : value).add(BigDecimal.valueOf(movement.value()));
                }
            }
        }
        facts.property("coupon_value", facts.money(value));
    }

    private static void tier(EventFacts facts, TierState tier) {
        facts.tier = tierName(facts, tier.tierId(), tier.tierName());
        facts.previousTier = tierName(facts, tier.previousTierId(), tier.previousTierName());
        facts.property("tier_id", tier.tierId());
        facts.property("previous_tier_id", tier.previousTierId());
        facts.property("tier_points", tier.tierPoints());
    }

    /** {@code tier_names}' name for the id, else the name the notification carries, else the id. */
    private static String tierName(EventFacts facts, String id, String carried) {
        if (id != null && facts.config.tierNames().containsKey(id)) {
            return facts.config.tierNames().get(id);
        }
        return carried != null ? carried : id;
    }

    // --- one extractor per event type -------------------------------------------------------------------------

    /** SERVICE.WALLET.CREATE, SERVICE.WALLET.ACCOUNTS.CREATE: the wallet's status and type, the accounts opened with it. */
    static void walletCreated(EventFacts facts) {
        JsonNode wallet = lastValue(facts.envelope, WALLET_ENTITY).orElse(facts.envelope.response().body());
        facts.property("wallet_status", Json.text(wallet, "status"));
        facts.property("wallet_type", Json.text(wallet, "type"));
        long opened = AccountTransaction.of(facts.envelope).stream().filter(movement -> "CREATE".equals(movement.event())).count()
                + facts.envelope.operations(ACCOUNT_ENTITY).filter(operation -> "CREATE".equalsIgnoreCase(operation.operationType())).count();
        if (opened > 0) {
            facts.property("accounts_opened", opened);
        }
    }

    /** SERVICE.WALLET.DELETE: the wallet is gone (its identities are deleted with it; the enrichment data keeps them). */
    static void walletDeleted(EventFacts facts) {
        JsonNode wallet = lastOperationValue(facts.envelope, WALLET_ENTITY);
        String status = Json.text(wallet, "status");
        facts.property("wallet_status", status != null ? status : "DELETED");
    }

    /**
     * WALLET.CONSUMER.CREATE, WALLET.CONSUMER.UPDATE: the consumer record's id, status and marketing opt-in. Names,
     * addresses and contact details are left out: they are personal data the marketing platform holds already.
     */
    static void consumer(EventFacts facts) {
        JsonNode consumer = lastValue(facts.envelope, CONSUMER_ENTITY).orElse(facts.envelope.response().body());
        facts.property("consumer_id", Json.text(consumer, "consumerId"));
        facts.property("consumer_status", Json.text(consumer, "status"));
        JsonNode communication = Json.at(consumer, "data.communication");
        if (communication.isArray()) {
            Boolean optIn = null;
            for (JsonNode channel : communication) {
                JsonNode marketing = Json.at(channel, "optin.marketing");
                if (marketing.isBoolean()) {
                    optIn = (optIn != null && optIn) || marketing.booleanValue();
                }
            }
            facts.property("marketing_opt_in", optIn);
        }
    }

    /** WALLET.ACCOUNT.CREATE(.CAMPAIGN), WALLET.ACCOUNT.UPDATE: the account created or changed. */
    static void account(EventFacts facts) {
        mainAccount(facts.envelope, Set.of()).ifPresent(account -> accountProperties(facts, account));
    }

    /** WALLET.ACCOUNT.CREATE.SCHEME: the scheme's points account, opened (its balance is the points balance). */
    static void schemeAccount(EventFacts facts) {
        mainAccount(facts.envelope, Set.of("POINTS")).ifPresent(account -> {
            accountProperties(facts, account);
            facts.property("scheme_id", account.campaignId());
        });
    }

    /** WALLET.ACCOUNT.CREATE.PLAN: the subscription account and how many entitlements came with it. */
    static void plan(EventFacts facts) {
        Optional<AccountTransaction> subscription = AccountTransaction.of(facts.envelope).stream()
                .filter(movement -> movement.accountType() != null && movement.accountType().contains("SUBSCRIPTION")).findFirst();
        subscription.or(() -> mainAccount(facts.envelope, Set.of())).ifPresent(account -> {
            accountProperties(facts, account);
            facts.property("plan_id", account.campaignId());
        });
        long entitlements = AccountTransaction.of(facts.envelope).stream()
                .filter(movement -> "ENTITLEMENT".equals(movement.clientType()) && "CREATE".equals(movement.event())).count();
        if (entitlements > 0) {
            facts.property("entitlements", entitlements);
        }
    }

    /**
     * SERVICE.TRIGGER: a behavioural action ran. The action references and the wallet transaction's reference come
     * from the request; the points from the points movements, else from what the action paid out, else from the
     * answer's basket summary; coupons it issued are {@code coupons_awarded}.
     */
    static void trigger(EventFacts facts) {
        AirEnvelope envelope = facts.envelope;
        JsonNode request = envelope.request().body();
        JsonNode answer = envelope.response().body();
        JsonNode triggers = request.path("triggers");
        if (triggers.isArray()) {
            facts.property("action_references", triggers.values().stream().map(trigger -> Json.text(trigger, "reference"))
                    .filter(reference -> reference != null).collect(Collectors.joining(",")));
        }
        facts.property("transaction_reference", firstText(Json.text(request, "walletTransaction.reference"), Json.text(answer, "reference")));
        WalletTransaction transaction = WalletTransaction.pick(envelope, Set.of("BEHAVIOURAL_ACTION_POINTS", "BEHAVIOURAL_ACTION"));
        facts.property("transaction_id", firstText(Json.text(answer, "walletTransactionId", "transactionId"),
                transaction == null ? null : transaction.id()));
        facts.property("transaction_type", firstText(Json.text(answer, "type"), transaction == null ? null : transaction.type()));
        List<AccountTransaction> movements = AccountTransaction.of(envelope);
        if (facts.pointsAwarded == null) {
            facts.pointsAwarded = movements.stream().filter(AccountTransaction::actionRedeemed).map(AccountTransaction::value)
                    .filter(value -> value != null).reduce(Long::sum).orElse(null);
        }
        if (facts.pointsAwarded == null && transaction != null) {
            facts.pointsAwarded = transaction.pointsGiven();
        }
        List<String> awarded = new ArrayList<>();
        movements.stream().filter(movement -> "CREATE".equals(movement.event()) && "ECOUPON".equals(movement.accountType()))
                .forEach(movement -> awarded.add(movement.label()));
        facts.property("coupons_awarded", awarded.isEmpty() ? null : String.join(",", awarded));
    }

    /** POSCONNECT.WALLET.OPEN, .SETTLE, .FULFIL: a purchase, its basket and what it earned. */
    static Extractor purchase(Set<String> transactionTypes) {
        return facts -> basket(facts, WalletTransaction.pick(facts.envelope, transactionTypes));
    }

    /** POSCONNECT.WALLET.REFUND, .RETURN: the refund's basket and the purchase it refunds. */
    static void refund(EventFacts facts) {
        WalletTransaction refund = WalletTransaction.pick(facts.envelope, Set.of("REFUND", "RETURN"));
        basket(facts, refund);
        String original = Json.text(facts.envelope.request().body(), "originalTransaction.reference", "parentWalletTransactionReference");
        if (original == null) {
            WalletTransaction settled = WalletTransaction.pick(facts.envelope, Set.of("SETTLE"));
            original = settled != null && settled != refund && "SETTLE".equals(settled.type()) ? settled.reference() : null;
        }
        facts.property("original_transaction_reference", original);
    }

    /**
     * POSCONNECT.WALLET.SPEND: points spent. AIR locks the points at spend and takes them at settle, so the change
     * is the spend's {@code pointsValue} (negative) and the balance the expected {@code balanceAfter}.
     */
    static void spend(EventFacts facts) {
        WalletTransaction spend = WalletTransaction.pick(facts.envelope, Set.of("SPEND"));
        transactionProperties(facts, spend);
        JsonNode request = facts.envelope.request().body();
        Long spent = spend != null && spend.pointsSpent() != null ? spend.pointsSpent()
                : Json.whole(request, "spendAdjudicationResults.pointsValue", "points");
        Long after = spend != null && spend.balanceAfterSpend() != null ? spend.balanceAfterSpend()
                : Json.whole(request, "spendAdjudicationResults.balanceAfter.current");
        if (spent != null) {
            facts.pointsAwarded = -spent;
            facts.property("points_spent", spent);
        }
        if (after != null) {
            facts.pointsBalance = after;
        }
    }

    /** POSCONNECT.WALLET.SPEND.VOID: a spend cancelled; the locked points are the consumer's again. */
    static void spendVoid(EventFacts facts) {
        transactionProperties(facts, WalletTransaction.pick(facts.envelope, Set.of("SPEND")));
    }

    /** TIER.MEMBERSHIP.*: the membership's balances and what the transaction changed. */
    static void tier(EventFacts facts) {
        TierState.of(facts.envelope).ifPresent(tier -> {
            facts.property("tier_membership_id", tier.membershipId());
            facts.property("tier_transaction_type", tier.transactionType());
            facts.property("tier_points_change", tier.tierPointsChange());
            facts.property("tier_spend", tier.tierSpend());
            facts.property("tier_transactions", tier.tierTransactions());
            facts.property("tier_expiry_date", tier.expiryDate());
        });
    }

    /** A redemption: the coupons are read by {@link #common}; nothing more to add. */
    static void redemption(EventFacts facts) {
        // coupons and coupon_value come from the common facts
    }

    /** An event type Cohort does not know: only the common facts. */
    static void other(EventFacts facts) {
        // nothing type-specific
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static void basket(EventFacts facts, WalletTransaction transaction) {
        transactionProperties(facts, transaction);
        JsonNode request = facts.envelope.request().body();
        BigDecimal value = transaction != null && transaction.basketValue() != null ? transaction.basketValue() : null;
        for (String name : WalletTransaction.BASKET_VALUE) {
            value = value != null ? value : Json.decimal(request, "basket.summary." + name, "basket." + name, name);
        }
        facts.basketValue = facts.money(value);
        if (transaction != null) {
            facts.property("basket_items", transaction.items());
            facts.property("discount", facts.money(transaction.discount()));
            if (transaction.currency() != null) {
                facts.currency = transaction.currency();
            }
            if (facts.pointsAwarded == null && (transaction.pointsGiven() != null || transaction.pointsTaken() != null)) {
                facts.pointsAwarded = (transaction.pointsGiven() == null ? 0 : transaction.pointsGiven())
                        - (transaction.pointsTaken() == null ? 0 : transaction.pointsTaken());
            }
        }
        if (facts.currency == null) {
            facts.currency = Json.text(request, "currency", "currencyCode", "basket.currency");
        }
    }

    private static void transactionProperties(EventFacts facts, WalletTransaction transaction) {
        JsonNode request = facts.envelope.request().body();
        facts.property("transaction_id", transaction == null ? null : transaction.id());
        facts.property("transaction_reference", firstText(transaction == null ? null : transaction.reference(),
                Json.text(request, "reference")));
        facts.property("store_id", firstText(transaction == null ? null : transaction.storeId(),
                Json.text(request, "location.incomingIdentifier", "location.storeId")));
    }

    /** The account an account event is about: of one of {@code types} if any, else the one created, else the first. */
    private static Optional<AccountTransaction> mainAccount(AirEnvelope envelope, Set<String> types) {
        List<AccountTransaction> accounts = new ArrayList<>(AccountTransaction.of(envelope));
        envelope.operations(ACCOUNT_ENTITY).forEach(operation -> accounts.add(AccountTransaction.of(accountAsMovement(operation))));
        Optional<AccountTransaction> typed = accounts.stream().filter(account -> types.contains(account.accountType())).findFirst();
        if (typed.isPresent()) {
            return typed;
        }
        Optional<AccountTransaction> created = accounts.stream()
                .filter(account -> "CREATE".equals(account.event()))
                .filter(account -> !"BEHAVIOURAL_ACTION".equals(account.accountType())).findFirst();
        return created.isPresent() ? created : accounts.stream().findFirst();
    }

    /** A walletAccountEntity's value read as a movement of itself. */
    private static JsonNode accountAsMovement(AirEnvelope.AtomicOperation operation) {
        var movement = Json.MAPPER.createObjectNode();
        movement.set("account", operation.objectValue());
        movement.put("event", operation.operationType() == null ? "" : operation.operationType());
        return movement;
    }

    private static void accountProperties(EventFacts facts, AccountTransaction account) {
        facts.property("account_id", account.accountId());
        facts.property("account_type", account.accountType());
        facts.property("account_client_type", account.clientType());
        facts.property("account_status", account.status());
        facts.property("campaign_id", account.campaignId());
    }

    private static List<JsonNode> values(AirEnvelope envelope, String objectType) {
        return envelope.operations(objectType).map(AirEnvelope.AtomicOperation::objectValue).toList();
    }

    private static Optional<JsonNode> lastValue(AirEnvelope envelope, String objectType) {
        return envelope.last(objectType).map(AirEnvelope.AtomicOperation::objectValue);
    }

    private static JsonNode lastOperationValue(AirEnvelope envelope, String objectType) {
        return envelope.operations(objectType).reduce((first, second) -> second).map(AirEnvelope.AtomicOperation::objectValue)
                .orElse(MissingNode.getInstance());
    }

    private static String firstText(String first, String second) {
        return first != null ? first : second;
    }

    /** Whether a redemption makes the event a coupon redemption: when its type says nothing more specific. */
    static Kind kindWithRedemption(Kind kind, boolean couponsRedeemed) {
        return couponsRedeemed && (kind == Kind.ACCOUNT_UPDATED || kind == Kind.OTHER) ? Kind.COUPON_REDEEMED : kind;
    }
}

package dev.cohort.sandbox.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The loyalty program's state and rules: wallets with identities and one points account each (of the one
 * scheme), behavioural actions that issue points, tiers by lifetime points, idempotent wallet transactions —
 * and, for every change, the event notification AIR would send, handed to the {@link Outbox} in the order the
 * changes happened. One lock guards everything, so the notifications of one wallet leave in order.
 */
final class LoyaltyProgram {
    /** Where notifications go, in the order they are made; called with the program's lock held, so it must be quick. */
    interface Outbox {
        void send(AirNotification notification, boolean synthetic);
    }

    /** What an API request came to: the status, the JSON body, the wallet concerned, a line for the event log. */
    record Answer(int status, Object body, String walletId, String detail, boolean replayed) {
        static Answer error(int status, String code, String message, String walletId, String detail) {
            return new Answer(status, Json.object("errorCode", code, "errorMessage", message), walletId, detail, false);
        }

        /** The {@code errorMessage} of an error answer; empty for others. */
        String errorMessage() {
            return body instanceof Map<?, ?> object && object.get("errorMessage") instanceof String message ? message : "";
        }
    }

    /** A settled trigger, kept by its wallet transaction reference. */
    private record Settled(String walletId, List<String> actions, Map<String, Object> transaction) {
    }

    static final String TRIGGER_EVENT = "SERVICE.TRIGGER";
    static final String WALLET_CREATE_EVENT = "SERVICE.WALLET.CREATE";
    static final String SETTLE_EVENT = "POSCONNECT.WALLET.SETTLE";
    static final String ACCOUNT_UPDATE_EVENT = "WALLET.ACCOUNT.UPDATE";
    static final String TIER_CREATE_EVENT = "TIER.MEMBERSHIP.CREATE";
    static final String TIER_MOVE_EVENT = "TIER.MEMBERSHIP.MOVE";
    static final long FIRST_WALLET_ID = 500_001;

    private final Map<String, AirAction> actions;
    private final Map<String, String> actionCampaignIds = new HashMap<>();
    private final List<AirTier> tiers;
    private final Map<String, String> tierIds = new HashMap<>();
    private final Envelopes envelopes;
    private final AirEventLog events;
    private final InstantSource clock;
    private final Outbox outbox;
    private final AirDuplicateAnswer duplicateAnswer;
    private final Map<String, WalletState> wallets = new LinkedHashMap<>();
    private final Map<String, WalletState> byIdentityValue = new HashMap<>();
    private final Map<String, Settled> byReference = new HashMap<>();
    private final Map<String, String> couponCampaignIds = new HashMap<>();
    private long nextWalletId = FIRST_WALLET_ID;
    private long nextIdentityId = 700_001;
    private long nextAccountId = 800_001;
    private long nextTransactionId = 900_001;
    private long nextAccountTransactionId = 1_000_001;
    private long nextMembershipId = 600_001;
    private long nextCampaignId = 2_001;

    LoyaltyProgram(Collection<AirAction> actions, Collection<AirTier> tiers, Envelopes envelopes, AirEventLog events,
                   InstantSource clock, Outbox outbox, AirDuplicateAnswer duplicateAnswer) {
        Map<String, AirAction> byReference = new LinkedHashMap<>();
        long campaignId = 1_101;
        for (AirAction action : actions) {
            byReference.put(action.reference(), action);
            actionCampaignIds.put(action.reference(), Long.toString(campaignId++));
        }
        this.actions = byReference;
        this.tiers = tiers.stream().sorted(Comparator.comparingLong(AirTier::threshold)).toList();
        long tierId = 3_001;
        for (AirTier tier : this.tiers) {
            tierIds.put(tier.name(), Long.toString(tierId++));
        }
        this.envelopes = envelopes;
        this.events = events;
        this.clock = clock;
        this.outbox = outbox;
        this.duplicateAnswer = duplicateAnswer;
    }

    Set<String> actionReferences() {
        return actions.keySet();
    }

    Collection<AirAction> actions() {
        return actions.values();
    }

    List<AirTier> tiers() {
        return tiers;
    }

    /** Adds a wallet quietly, as if it existed before the server started; {@code walletId} null for the next free one. */
    synchronized String seed(String walletId, List<AirIdentity> identities) {
        return add(walletId, identities, clock.instant()).walletId;
    }

    /** Creates a wallet as {@code POST /services/wallet} does, with its notifications. */
    synchronized Answer createWallet(List<AirIdentity> identities, Object requestBody) {
        Optional<String> clash = clash(identities);
        if (clash.isPresent()) {
            return Answer.error(409, "IDENTITY_EXISTS", clash.get(), null, "identity already in use");
        }
        Instant now = clock.instant();
        WalletState wallet = add(null, identities, now);
        events.record(AirSandboxEvent.Kind.WALLET_CREATED, wallet.walletId, 0, "with identities of type(s) "
                + identities.stream().map(AirIdentity::type).collect(Collectors.joining(", ")));
        List<Map<String, Object>> identityEntities = wallet.identities.stream().map(identity -> Envelopes.identityEntity(wallet, identity)).toList();
        Map<String, Object> body = Json.object("wallet", Envelopes.walletEntity(wallet), "identities", identityEntities,
                "accounts", List.of(envelopes.pointsAccount(wallet)));
        List<Map<String, Object>> operations = new ArrayList<>();
        operations.add(Envelopes.operation(Envelopes.WALLET, Envelopes.CREATE, Envelopes.walletEntity(wallet)));
        identityEntities.forEach(identity -> operations.add(Envelopes.operation(Envelopes.IDENTITY, Envelopes.CREATE, identity)));
        operations.add(Envelopes.operation(Envelopes.ACCOUNT, Envelopes.CREATE, envelopes.pointsAccount(wallet)));
        Map<String, Object> request = envelopes.request("/services/wallet", "POST", requestBody);
        Map<String, Object> response = envelopes.response(201, body);
        outbox.send(envelopes.envelope(WALLET_CREATE_EVENT, now, wallet, request, response, operations), false);
        if (wallet.tier != null) {
            events.record(AirSandboxEvent.Kind.TIER_MOVED, wallet.walletId, 0, "joined " + wallet.tier.name());
            outbox.send(envelopes.envelope(TIER_CREATE_EVENT, now, wallet, request, response, List.of(Envelopes.operation(
                    Envelopes.TIER_MEMBERSHIP, Envelopes.CREATE, Envelopes.tierMembership(wallet, tierIds.get(wallet.tier.name()), null, null)))), false);
        }
        return new Answer(201, body, wallet.walletId, "wallet created", false);
    }

    /**
     * Runs {@code services/trigger}: unknown actions 400, no wallet with the identity value 404, a reference seen
     * before 200 with the same transaction (or 409 when it was for another wallet or other actions), else the points
     * issued, the tier moved when a threshold is crossed, and 201 with the wallet transaction.
     */
    synchronized Answer trigger(TriggerRequest request, Object requestBody) {
        List<String> unknown = request.actionReferences().stream().filter(reference -> !actions.containsKey(reference)).distinct().toList();
        if (!unknown.isEmpty()) {
            return Answer.error(400, "ACTION_NOT_FOUND", "No behavioural action with the reference " + String.join(", ", unknown)
                    + " in this program (its actions: " + String.join(", ", actions.keySet()) + "). Set the action up in AIR"
                    + " or correct the action reference the platform sends.", null, "unknown action reference(s) " + unknown);
        }
        WalletState wallet = byIdentityValue.get(request.identityValue());
        if (wallet == null) {
            return Answer.error(404, "WALLET_NOT_FOUND", "No wallet has an identity with the given identityValue.", null,
                    "no wallet has the identity value");
        }
        Settled earlier = byReference.get(request.reference());
        if (earlier != null) {
            if (earlier.walletId().equals(wallet.walletId) && earlier.actions().equals(request.actionReferences())) {
                String detail = "reference " + request.reference() + " was settled before as transaction "
                        + earlier.transaction().get("transactionId") + ": nothing issued";
                if (duplicateAnswer == AirDuplicateAnswer.CONFLICT) {
                    return new Answer(409, Json.object("errorCode", "DUPLICATE_REFERENCE", "errorMessage", "The walletTransaction.reference "
                            + request.reference() + " was settled before: nothing was issued.", "walletTransaction", earlier.transaction()),
                            wallet.walletId, detail, false);
                }
                Map<String, Object> replay = new LinkedHashMap<>(earlier.transaction());
                replay.put("duplicate", true);
                return new Answer(200, replay, wallet.walletId, detail, true);
            }
            return Answer.error(409, "REFERENCE_CONFLICT", "The walletTransaction.reference " + request.reference()
                    + " was already used for another wallet or other triggers: give every wallet transaction a unique reference.",
                    wallet.walletId, "reference " + request.reference() + " reused for another wallet or other triggers");
        }
        Instant now = clock.instant();
        String transactionId = Long.toString(nextTransactionId++);
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<Map<String, Object>> operations = new ArrayList<>();
        long issued = 0;
        wallet.pointsUpdatedAt = now;
        for (String reference : request.actionReferences()) {
            long points = actions.get(reference).points();
            issued += points;
            operations.add(Envelopes.operation(Envelopes.ACCOUNT_TRANSACTION, Envelopes.CREATE, Envelopes.redemption(
                    actionAccount(wallet, reference, now), Long.toString(nextAccountTransactionId++), transactionId, now)));
            wallet.balance += points;
            wallet.lifetime += points;
            String accountTransactionId = Long.toString(nextAccountTransactionId++);
            accounts.add(accountEntry(wallet, accountTransactionId, points, reference));
            operations.add(Envelopes.operation(Envelopes.ACCOUNT_TRANSACTION, Envelopes.CREATE, envelopes.pointsCredit(wallet,
                    accountTransactionId, transactionId, points, reference, now)));
        }
        Map<String, Object> transaction = transaction(wallet, transactionId, request.reference(), "BEHAVIOURAL_ACTION_POINTS",
                null, accounts, now);
        operations.addFirst(Envelopes.operation(Envelopes.TRANSACTION, Envelopes.CREATE, transaction));
        operations.add(Envelopes.operation(Envelopes.ACCOUNT, Envelopes.UPDATE, envelopes.pointsAccount(wallet)));
        byReference.put(request.reference(), new Settled(wallet.walletId, request.actionReferences(), transaction));
        wallet.references.add(request.reference());
        String detail = String.join(", ", request.actionReferences()) + " +" + issued + " points, balance " + wallet.balance
                + " (transaction " + transactionId + ", reference " + request.reference() + ")";
        events.record(AirSandboxEvent.Kind.POINTS_ISSUED, wallet.walletId, 0, detail);
        Map<String, Object> httpRequest = envelopes.request("/services/trigger", "POST", requestBody);
        Map<String, Object> httpResponse = envelopes.response(201, transaction);
        outbox.send(envelopes.envelope(TRIGGER_EVENT, now, wallet, httpRequest, httpResponse, operations), false);
        moveTierIfDue(wallet, now, httpRequest, httpResponse);
        return new Answer(201, transaction, wallet.walletId, detail, false);
    }

    /** A POS purchase settled for {@code walletId}: its basket, the points it earned, the tier moved if due. */
    synchronized String settlePurchase(String walletId, BigDecimal basketValue, String currency, long pointsEarned, boolean synthetic) {
        WalletState wallet = wallet(walletId);
        Objects.requireNonNull(basketValue, "basketValue");
        if (basketValue.signum() < 0) {
            throw SandboxAirException.invalid("A basket value cannot be negative: " + basketValue.toPlainString() + ".");
        }
        if (pointsEarned < 0) {
            throw SandboxAirException.invalid("The points earned by a purchase cannot be negative: " + pointsEarned + ".");
        }
        Currency money = currency(currency);
        long minorUnits = basketValue.movePointRight(Math.max(0, money.getDefaultFractionDigits())).setScale(0, RoundingMode.HALF_UP).longValueExact();
        Instant now = clock.instant();
        String transactionId = Long.toString(nextTransactionId++);
        String reference = "pos-" + transactionId;
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<Map<String, Object>> operations = new ArrayList<>();
        if (pointsEarned > 0) {
            wallet.balance += pointsEarned;
            wallet.lifetime += pointsEarned;
            wallet.pointsUpdatedAt = now;
            String accountTransactionId = Long.toString(nextAccountTransactionId++);
            accounts.add(accountEntry(wallet, accountTransactionId, pointsEarned, null));
            operations.add(Envelopes.operation(Envelopes.ACCOUNT_TRANSACTION, Envelopes.CREATE, envelopes.pointsCredit(wallet,
                    accountTransactionId, transactionId, pointsEarned, null, now)));
            operations.add(Envelopes.operation(Envelopes.ACCOUNT, Envelopes.UPDATE, envelopes.pointsAccount(wallet)));
        }
        Map<String, Object> basket = Json.object("type", "STANDARD", "currency", money.getCurrencyCode(),
                "summary", Json.object("totalBasketValue", minorUnits, "totalBasketValueBeforeDiscount", minorUnits,
                        "totalBasketValueAfterDiscount", minorUnits,
                        "totalDiscountAmount", Json.object("general", 0, "promotions", 0)));
        Map<String, Object> transaction = transaction(wallet, transactionId, reference, "SETTLE", basket, accounts, now);
        operations.addFirst(Envelopes.operation(Envelopes.TRANSACTION, Envelopes.CREATE, transaction));
        wallet.references.add(reference);
        Map<String, Object> requestBody = Json.object("reference", reference,
                "location", Json.object("incomingIdentifier", "sandbox-store", "parentIncomingIdentifier", "sandbox"),
                "identity", Json.object("identityValue", wallet.identities.getFirst().identity().value()), "basket", basket);
        Map<String, Object> httpRequest = envelopes.request("/connect/wallet/settle", "POST", requestBody);
        Map<String, Object> httpResponse = envelopes.response(200, Json.object("walletTransactions", List.of(transaction),
                "accounts", List.of(envelopes.pointsAccount(wallet))));
        outbox.send(envelopes.envelope(SETTLE_EVENT, now, wallet, httpRequest, httpResponse, operations), synthetic);
        if (!synthetic) {
            events.record(AirSandboxEvent.Kind.PURCHASE_SETTLED, wallet.walletId, 0, basketValue.toPlainString() + " " + money.getCurrencyCode()
                    + ", +" + pointsEarned + " points, balance " + wallet.balance + " (transaction " + transactionId + ")");
            moveTierIfDue(wallet, now, httpRequest, httpResponse);
        }
        return transactionId;
    }

    /** A coupon named {@code couponName} issued to the wallet and redeemed at once; returns the coupon account's id. */
    synchronized String redeemCoupon(String walletId, String couponName) {
        WalletState wallet = wallet(walletId);
        if (couponName == null || couponName.isBlank() || couponName.length() > 100 || couponName.chars().anyMatch(Character::isISOControl)) {
            throw SandboxAirException.invalid("A coupon name must be 1 to 100 characters without control characters, not `" + couponName + "`.");
        }
        String campaignId = couponCampaignIds.computeIfAbsent(couponName, name -> Long.toString(nextCampaignId++));
        String accountId = Long.toString(nextAccountId++);
        String accountTransactionId = Long.toString(nextAccountTransactionId++);
        Instant now = clock.instant();
        Map<String, Object> coupon = Envelopes.campaignAccount(accountId, wallet.walletId, campaignId, couponName, "ECOUPON", "OFFER",
                "USED", now, now);
        wallet.redeemedCoupons.add(couponName);
        events.record(AirSandboxEvent.Kind.COUPON_REDEEMED, wallet.walletId, 0, "coupon " + couponName + " (account " + accountId + ")");
        outbox.send(envelopes.envelope(ACCOUNT_UPDATE_EVENT, now, wallet,
                envelopes.request("/wallet/" + wallet.walletId + "/account/" + accountId + "/redeem", "PATCH", Json.object()),
                envelopes.response(200, coupon),
                List.of(Envelopes.operation(Envelopes.ACCOUNT, Envelopes.UPDATE, coupon),
                        Envelopes.operation(Envelopes.ACCOUNT_TRANSACTION, Envelopes.CREATE,
                                Envelopes.redemption(coupon, accountTransactionId, null, now)))), false);
        return accountId;
    }

    synchronized Optional<AirWallet> snapshot(String walletId) {
        return Optional.ofNullable(wallets.get(walletId)).map(WalletState::snapshot);
    }

    synchronized List<AirWallet> snapshots() {
        return wallets.values().stream().map(WalletState::snapshot).toList();
    }

    synchronized Optional<String> walletIdOf(String identityValue) {
        return Optional.ofNullable(byIdentityValue.get(identityValue)).map(wallet -> wallet.walletId);
    }

    /** The sandbox's own view of a wallet ({@code GET /sandbox/wallets/{id}}), identity values included. */
    synchronized Optional<Map<String, Object>> view(String walletId) {
        WalletState wallet = wallets.get(walletId);
        if (wallet == null) {
            return Optional.empty();
        }
        return Optional.of(Json.object("wallet", Envelopes.walletEntity(wallet),
                "identities", wallet.identities.stream().map(identity -> Envelopes.identityEntity(wallet, identity)).toList(),
                "accounts", List.of(envelopes.pointsAccount(wallet)),
                "tier", wallet.tier == null ? null : wallet.tier.name(),
                "redeemedCoupons", List.copyOf(wallet.redeemedCoupons),
                "transactionReferences", List.copyOf(wallet.references)));
    }

    /** Why {@code identities} cannot make a new wallet, if they cannot: a value repeated, or taken by a wallet. */
    private Optional<String> clash(List<AirIdentity> identities) {
        Set<String> values = new HashSet<>();
        for (AirIdentity identity : identities) {
            if (!values.add(identity.value())) {
                return Optional.of("Two identities of the new wallet have the same value: give each identity once.");
            }
            WalletState owner = byIdentityValue.get(identity.value());
            if (owner != null) {
                return Optional.of("An identity with the value of the " + identity.type() + " identity already belongs to wallet "
                        + owner.walletId + ": identity values are unique.");
            }
        }
        return Optional.empty();
    }

    private WalletState add(String requestedId, List<AirIdentity> identities, Instant now) {
        if (identities.isEmpty()) {
            throw SandboxAirException.invalid("A wallet needs at least one identity (e.g. CUSTOMER_ID C0001).");
        }
        Optional<String> clash = clash(identities);
        if (clash.isPresent()) {
            throw new SandboxAirException(SandboxAirException.IDENTITY_IN_USE, clash.get());
        }
        String walletId = requestedId;
        if (walletId == null) {
            while (wallets.containsKey(Long.toString(nextWalletId))) {
                nextWalletId++;
            }
            walletId = Long.toString(nextWalletId++);
        } else if (!walletId.matches("[1-9][0-9]{0,17}")) {
            throw SandboxAirException.invalid("The wallet id `" + walletId + "` is not valid: AIR wallet ids are digits, e.g. 500001.");
        } else if (wallets.containsKey(walletId)) {
            throw SandboxAirException.invalid("The wallet id " + walletId + " is given twice: give each wallet its own id.");
        }
        List<WalletState.IdentityState> states = new ArrayList<>();
        for (AirIdentity identity : identities) {
            states.add(new WalletState.IdentityState(Long.toString(nextIdentityId++), identity));
        }
        WalletState wallet = new WalletState(walletId, now, states, Long.toString(nextAccountId++));
        AirTier tier = tierFor(0);
        if (tier != null) {
            wallet.tier = tier;
            wallet.tierMembershipId = Long.toString(nextMembershipId++);
            wallet.tierUpdatedAt = now;
        }
        wallets.put(walletId, wallet);
        identities.forEach(identity -> byIdentityValue.put(identity.value(), wallet));
        return wallet;
    }

    private void moveTierIfDue(WalletState wallet, Instant now, Map<String, Object> request, Map<String, Object> response) {
        AirTier due = tierFor(wallet.lifetime);
        if (due == null || due.equals(wallet.tier)) {
            return;
        }
        AirTier previous = wallet.tier;
        wallet.tier = due;
        wallet.tierUpdatedAt = now;
        if (wallet.tierMembershipId == null) {
            wallet.tierMembershipId = Long.toString(nextMembershipId++);
        }
        events.record(AirSandboxEvent.Kind.TIER_MOVED, wallet.walletId, 0, (previous == null ? "joined " : previous.name() + " -> ")
                + due.name() + " at " + wallet.lifetime + " lifetime points");
        Map<String, Object> membership = Envelopes.tierMembership(wallet, tierIds.get(due.name()), previous,
                previous == null ? null : tierIds.get(previous.name()));
        outbox.send(envelopes.envelope(previous == null ? TIER_CREATE_EVENT : TIER_MOVE_EVENT, now, wallet, request, response,
                List.of(Envelopes.operation(Envelopes.TIER_MEMBERSHIP, previous == null ? Envelopes.CREATE : Envelopes.UPDATE, membership))), false);
    }

    private AirTier tierFor(long lifetimePoints) {
        AirTier reached = null;
        for (AirTier tier : tiers) {
            if (tier.threshold() <= lifetimePoints) {
                reached = tier;
            }
        }
        return reached;
    }

    /** One credit in a wallet transaction's {@code accounts}, made after the wallet's balances were credited. */
    private static Map<String, Object> accountEntry(WalletState wallet, String accountTransactionId, long points, String actionReference) {
        return Json.object("accountId", wallet.pointsAccountId, "accountTransactionId", accountTransactionId, "type", "POINTS",
                "event", "CREDIT", "value", points, "actionReference", actionReference,
                "balancesBefore", Envelopes.pointsBalances(wallet.balance - points, wallet.lifetime - points),
                "balancesAfter", Envelopes.pointsBalances(wallet.balance, wallet.lifetime));
    }

    /** The account behavioural action {@code reference} pays out from for {@code wallet}, made at its first trigger. */
    private Map<String, Object> actionAccount(WalletState wallet, String reference, Instant now) {
        String accountId = wallet.actionAccountIds.computeIfAbsent(reference, action -> Long.toString(nextAccountId++));
        return Envelopes.campaignAccount(accountId, wallet.walletId, actionCampaignIds.get(reference), reference, "BEHAVIOURAL_ACTION",
                "BEHAVIOURAL_ACTION", "ACTIVE", now, now);
    }

    private static Map<String, Object> transaction(WalletState wallet, String transactionId, String reference, String type,
                                                   Map<String, Object> basket, List<Map<String, Object>> accounts, Instant now) {
        return Json.object("transactionId", transactionId, "parentTransactionId", null, "walletId", wallet.walletId,
                "reference", reference, "type", type, "status", "SETTLED", "state", "ORIGINAL", "basket", basket,
                "channel", basket == null ? null : "STORE", "location", basket == null ? null : Json.object("storeId", "sandbox-store"),
                "meta", null, "accounts", accounts, "dateCreated", Envelopes.date(now), "lastUpdated", Envelopes.date(now));
    }

    private WalletState wallet(String walletId) {
        WalletState wallet = wallets.get(walletId);
        if (wallet == null) {
            throw new SandboxAirException(SandboxAirException.WALLET_NOT_FOUND, "No wallet " + walletId + " on this sandbox AIR server;"
                    + " its wallets: " + (wallets.size() > 20 ? wallets.size() + " wallets from " + FIRST_WALLET_ID : wallets.keySet()) + ".");
        }
        return wallet;
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(Objects.requireNonNull(code, "currency"));
        } catch (IllegalArgumentException e) {
            throw SandboxAirException.invalid("The currency `" + code + "` is not an ISO 4217 code: give e.g. GBP, EUR or USD.");
        }
    }
}

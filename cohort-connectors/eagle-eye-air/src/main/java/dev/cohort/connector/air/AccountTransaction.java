package dev.cohort.connector.air;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * One movement on a wallet account, as AIR writes it in a {@code walletAccountTransactionEntity} (and in the
 * {@code accounts} of a services/trigger answer): {@code {accountTransactionId, accountId, account: {type,
 * campaignId, balances: {current}}, event, value, balancesBefore: {current}, balancesAfter: {current}}}. Read
 * tolerantly: the account's fields are also looked for on the movement itself, as a flatter stand-in may write them.
 *
 * @param transactionId the account transaction's id, or null
 * @param accountType   {@code POINTS}, {@code ECOUPON}, {@code BEHAVIOURAL_ACTION}, {@code STANDARD_SUBSCRIPTION}, …
 * @param event         {@code EARN}, {@code CREDIT}, {@code REDEEM}, {@code SPEND}, {@code REFUND_DEBIT}, {@code CREATE}, …
 * @param value         the movement's amount (points, or minor units of money for a coupon), or null
 * @param before        the account's {@code current} balance before, or null
 * @param after         the account's {@code current} balance after, or null
 * @param balance       the account's {@code current} balance as the event left it, or null
 * @param label         the coupon's name for marketers: the campaign's name when AIR gives one, else its id
 */
record AccountTransaction(String transactionId, String accountId, String accountType, String clientType, String campaignId,
                          String status, String event, Long value, Long before, Long after, Long balance, String label) {
    static final String OBJECT_TYPE = "walletAccountTransactionEntity";
    private static final Set<String> CREDITS = Set.of("EARN", "CREDIT", "GOODWILL", "GIFT_IN", "DONATE_IN", "REFUND_CREDIT", "UNSPEND",
            "TRANSFER_IN");
    private static final Set<String> DEBITS = Set.of("SPEND", "DEBIT", "REFUND_DEBIT", "REDEEM", "EXPIRE", "EXPIRY", "GIFT_OUT",
            "DONATE_OUT", "DEDUCT", "TRANSFER_OUT");
    /** Accounts whose REDEEM is not a coupon redemption: points are spent, a behavioural action pays out. */
    private static final Set<String> NOT_COUPONS = Set.of("POINTS", "BEHAVIOURAL_ACTION");

    static AccountTransaction of(JsonNode movement) {
        JsonNode account = movement.path("account").isObject() ? movement.path("account") : movement;
        Long balance = Json.whole(account, "balances.current");
        return new AccountTransaction(
                Json.text(movement, "accountTransactionId"),
                Json.text(movement, "accountId", "account.accountId"),
                upper(Json.text(movement, "account.type", "accountType", "type")),
                upper(Json.text(movement, "account.clientType", "clientType")),
                Json.text(movement, "account.campaignId", "campaignId"),
                upper(Json.text(movement, "account.status", "status")),
                upper(Json.text(movement, "event")),
                Json.whole(movement, "value"),
                Json.whole(movement, "balancesBefore.current"),
                Json.whole(movement, "balancesAfter.current"),
                balance != null ? balance : Json.whole(movement, "balancesAfter.current"),
                Json.text(movement, "account.campaignName", "account.name", "campaignName", "account.campaignId", "campaignId",
                        "accountId", "account.accountId"));
    }

    /**
     * The movements of the envelope's {@code walletAccountTransactionEntity} operations, each once. A movement that
     * does not name its account's type takes it from the envelope's {@code walletAccountEntity} of the same
     * {@code accountId} (a flatter writer may put the account beside the movement rather than inside it).
     */
    static List<AccountTransaction> of(AirEnvelope envelope) {
        Map<String, String> types = new HashMap<>();
        envelope.operations("walletAccountEntity").forEach(operation -> {
            String id = Json.text(operation.objectValue(), "accountId");
            String type = upper(Json.text(operation.objectValue(), "type"));
            if (id != null && type != null) {
                types.put(id, type);
            }
        });
        return distinct(envelope.operations(OBJECT_TYPE).map(operation -> of(operation.objectValue()))
                .map(movement -> movement.accountType != null || movement.accountId == null ? movement
                        : movement.withAccountType(types.get(movement.accountId))));
    }

    private AccountTransaction withAccountType(String type) {
        return new AccountTransaction(transactionId, accountId, type, clientType, campaignId, status, event, value, before, after,
                balance, label);
    }

    /** Movements with the same transaction id and event are one movement reported twice (AIR does, on a delete). */
    static List<AccountTransaction> distinct(Stream<AccountTransaction> movements) {
        Map<String, AccountTransaction> unique = new LinkedHashMap<>();
        int[] anonymous = {0};
        movements.forEach(movement -> unique.putIfAbsent(movement.transactionId == null ? "#" + anonymous[0]++
                : movement.transactionId + "/" + movement.event, movement));
        return List.copyOf(unique.values());
    }

    boolean points() {
        return "POINTS".equals(accountType);
    }

    /** A coupon (or other reward account) used: a REDEEM on any account but points and behavioural actions. */
    boolean couponRedeemed() {
        return "REDEEM".equals(event) && !NOT_COUPONS.contains(accountType);
    }

    /** A behavioural action paying out (its value is what it awards). */
    boolean actionRedeemed() {
        return "REDEEM".equals(event) && "BEHAVIOURAL_ACTION".equals(accountType);
    }

    /**
     * What the movement changed a points balance by: after − before when AIR gives both, else the value with the
     * sign of the event (credits up, spends and debits down), else 0 (a lock, a create).
     */
    long pointsChange() {
        if (before != null && after != null) {
            return after - before;
        }
        if (value == null || event == null) {
            return 0;
        }
        return CREDITS.contains(event) ? value : DEBITS.contains(event) ? -value : 0;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}

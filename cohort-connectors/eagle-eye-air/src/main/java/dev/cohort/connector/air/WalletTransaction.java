package dev.cohort.connector.air;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A wallet transaction (a purchase, a refund, a points spend, a behavioural action's payout), as AIR writes it in a
 * {@code walletTransactionEntity} or in a POS Connect answer's {@code walletTransactions}: {@code {walletTransactionId,
 * walletId, reference, type, status, basket: {currency?, summary: {totalItems, totalBasketValue, totalDiscountAmount: {…},
 * results: {points: {totalPointsGiven, totalPointsTaken}}, spendAdjudicationResults: {pointsValue, balanceAfter:
 * {current}}}}, location: {storeId}}}. Tolerant: the summary's fields are also looked for higher up.
 */
record WalletTransaction(String id, String walletId, String reference, String type, String status, BigDecimal basketValue,
                         Long items, BigDecimal discount, Long pointsGiven, Long pointsTaken, Long pointsSpent,
                         Long balanceAfterSpend, String storeId, String currency) {
    static final String OBJECT_TYPE = "walletTransactionEntity";
    /** Where a basket's total is written: AIR's name first, then the after- and before-discount totals some writers give. */
    static final List<String> BASKET_VALUE = List.of("totalBasketValue", "totalBasketValueAfterDiscount",
            "totalBasketValueBeforeDiscount", "basketValue");

    static WalletTransaction of(JsonNode transaction) {
        JsonNode summary = Json.first(transaction, "basket.summary", "summary", "basket");
        return new WalletTransaction(
                Json.text(transaction, "walletTransactionId", "transactionId", "id"),
                Json.text(transaction, "walletId"),
                Json.text(transaction, "reference"),
                upper(Json.text(transaction, "type")),
                upper(Json.text(transaction, "status")),
                firstDecimal(summary, transaction, BASKET_VALUE),
                Json.whole(summary, "totalItems"),
                discount(summary.path("totalDiscountAmount")),
                Json.whole(summary, "results.points.totalPointsGiven", "points.totalPointsGiven"),
                Json.whole(summary, "results.points.totalPointsTaken", "points.totalPointsTaken"),
                Json.whole(summary, "spendAdjudicationResults.pointsValue", "results.points.spend"),
                Json.whole(summary, "spendAdjudicationResults.balanceAfter.current"),
                Json.text(transaction, "location.storeId", "location.incomingIdentifier", "storeId"),
                Json.text(summary, "currency", "currencyCode") != null ? Json.text(summary, "currency", "currencyCode")
                        : Json.text(transaction, "currency", "currencyCode", "basket.currency"));
    }

    /**
     * The transaction an event is about: of the envelope's wallet transactions (its operations, else the answer's
     * {@code walletTransactions}, else the answer itself when it is one), the last of one of {@code types} that has a
     * basket value, else the last of one of those types, else the last with a basket value, else the last.
     */
    static WalletTransaction pick(AirEnvelope envelope, Set<String> types) {
        List<WalletTransaction> candidates = envelope.operations(OBJECT_TYPE).map(operation -> of(operation.objectValue())).toList();
        if (candidates.isEmpty()) {
            JsonNode answer = envelope.response().body();
            JsonNode listed = answer.path("walletTransactions");
            if (listed.isArray()) {
                candidates = listed.values().stream().filter(JsonNode::isObject).map(WalletTransaction::of).toList();
            } else if (Json.present(answer.path("walletTransactionId"))) {
                candidates = List.of(of(answer));
            }
        }
        WalletTransaction typedWithBasket = null;
        WalletTransaction typed = null;
        WalletTransaction withBasket = null;
        WalletTransaction last = null;
        for (WalletTransaction candidate : candidates) {
            boolean ofType = candidate.type != null && types.contains(candidate.type);
            boolean basket = candidate.basketValue != null;
            typedWithBasket = ofType && basket ? candidate : typedWithBasket;
            typed = ofType ? candidate : typed;
            withBasket = basket ? candidate : withBasket;
            last = candidate;
        }
        return typedWithBasket != null ? typedWithBasket : typed != null ? typed : withBasket != null ? withBasket : last;
    }

    private static BigDecimal firstDecimal(JsonNode summary, JsonNode transaction, List<String> names) {
        String[] paths = names.toArray(String[]::new);
        BigDecimal inSummary = Json.decimal(summary, paths);
        return inSummary != null ? inSummary : Json.decimal(transaction, paths);
    }

    /** The sum of {@code totalDiscountAmount}'s parts ({@code promotions}, {@code staff}, {@code general}), or its number. */
    private static BigDecimal discount(JsonNode amounts) {
        if (amounts.isNumber()) {
            return amounts.decimalValue();
        }
        BigDecimal sum = null;
        if (amounts.isObject()) {
            for (JsonNode part : amounts.values()) {
                if (part.isNumber()) {
                    sum = (sum == null ? BigDecimal.ZERO : sum).add(part.decimalValue());
                }
            }
        }
        return sum;
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}

package dev.cohort.connector.air;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A consumer's tier as an event leaves it, from the envelope's {@code tierMembershipEntity} ({@code {tierMembershipId,
 * tierId, name?, balances: {points, spend, transactions}, expiryDate}}) and {@code tierMembershipTransactionEntity}
 * ({@code {tierId, tierIdAfter, transactionType, actions: [{balanceType, amount, balanceBefore, balanceAfter}]}}):
 * a move names the tier before in {@code tierId} and the tier after in {@code tierIdAfter}.
 *
 * @param tierId             the tier after the event, or null when the event touches no tier
 * @param tierName           its name when the notification carries one ({@code name}, {@code tierName}, {@code tier.name})
 * @param previousTierId     the tier before a move, or null
 * @param previousTierName   its name when carried
 * @param transactionType    the tier transaction's type ({@code CREDIT}, {@code DEBIT}, {@code ADJUSTMENT}, {@code MOVE})
 * @param tierPoints         the membership's points balance after
 * @param tierPointsChange   what the transaction changed the membership's points balance by
 */
record TierState(String tierId, String tierName, String previousTierId, String previousTierName, String membershipId,
                 String transactionType, Long tierPoints, Long tierSpend, Long tierTransactions, Long tierPointsChange,
                 String expiryDate) {
    static final String MEMBERSHIP = "tierMembershipEntity";
    static final String TRANSACTION = "tierMembershipTransactionEntity";

    static Optional<TierState> of(AirEnvelope envelope) {
        JsonNode membership = envelope.last(MEMBERSHIP).map(AirEnvelope.AtomicOperation::objectValue).orElse(null);
        JsonNode transaction = envelope.last(TRANSACTION).map(AirEnvelope.AtomicOperation::objectValue).orElse(null);
        if (membership == null && transaction == null) {
            return Optional.empty();
        }
        String before = Json.text(transaction, "tierId");
        String after = Json.text(transaction, "tierIdAfter");
        boolean moved = after != null && !after.equals(before);
        String tierId = Json.text(membership, "tierId", "tier.tierId", "tier.id");
        if (tierId == null) {
            tierId = moved ? after : before;
        }
        String previousId = Json.text(membership, "previousTierId", "tierIdBefore");
        if (previousId == null) {
            previousId = Json.text(transaction, "previousTierId", "tierIdBefore");
        }
        if (previousId == null && moved) {
            previousId = before;
        }
        return Optional.of(new TierState(tierId,
                Json.text(membership, "name", "tierName", "tier.name"),
                previousId,
                Json.text(membership, "previousTierName", "previousTier.name"),
                Json.text(membership, "tierMembershipId", "membershipId"),
                Json.text(transaction, "transactionType", "type"),
                Json.whole(membership, "balances.points", "tierPoints"),
                Json.whole(membership, "balances.spend"),
                Json.whole(membership, "balances.transactions"),
                pointsChange(transaction),
                Json.text(membership, "expiryDate")));
    }

    /** The amount of the transaction's POINTS action, or null. */
    private static Long pointsChange(JsonNode transaction) {
        JsonNode actions = transaction == null ? null : transaction.path("actions");
        if (actions != null && actions.isArray()) {
            for (JsonNode action : actions) {
                if ("POINTS".equalsIgnoreCase(Json.text(action, "balanceType"))) {
                    return Json.whole(action, "amount");
                }
            }
        }
        return null;
    }
}

package dev.cohort.sandbox.air;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Builds AIR's objects as they appear in answers and in event notifications (wallet, identity, points account,
 * tier membership), and the notification envelope itself:
 * {@code {headers, request, response, atomicOperations, enrichmentData}}. Every object is an ordered map, written
 * by Jackson. Dates in objects are {@code 2030-01-01T09:30:00+00:00}; {@code headers.eventDate} is
 * {@code 2030-01-01T09:30:00.250000} (UTC, no offset), as AIR writes them.
 */
final class Envelopes {
    static final String WALLET = "walletEntity";
    static final String IDENTITY = "walletIdentityEntity";
    static final String ACCOUNT = "walletAccountEntity";
    static final String TRANSACTION = "walletTransactionEntity";
    static final String ACCOUNT_TRANSACTION = "walletAccountTransactionEntity";
    static final String TIER_MEMBERSHIP = "tierMembershipEntity";
    static final String CREATE = "CREATE";
    static final String UPDATE = "UPDATE";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    /** {@code headers.eventDate}: UTC with microseconds and no offset, as AIR's notifications write it. */
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final String clientId;
    private final String unitId;
    private final String schemeId;
    private final Set<String> enrichmentTypes;
    private final boolean bodiesAsStrings;
    private final AirFaults faults;

    Envelopes(String clientId, String unitId, String schemeId, Set<String> enrichmentTypes, boolean bodiesAsStrings, AirFaults faults) {
        this.clientId = clientId;
        this.unitId = unitId;
        this.schemeId = schemeId;
        this.enrichmentTypes = Set.copyOf(enrichmentTypes);
        this.bodiesAsStrings = bodiesAsStrings;
        this.faults = faults;
    }

    static String date(Instant time) {
        return DATE.format(time);
    }

    static Map<String, Object> walletEntity(WalletState wallet) {
        return Json.object("walletId", wallet.walletId, "friendlyName", null, "type", "CONSUMER", "status", "ACTIVE",
                "state", "DEFAULT", "meta", null, "dateCreated", date(wallet.createdAt), "lastUpdated", date(wallet.createdAt));
    }

    static Map<String, Object> identityEntity(WalletState wallet, WalletState.IdentityState identity) {
        return Json.object("identityId", identity.identityId(), "walletId", wallet.walletId, "type", identity.identity().type(),
                "friendlyName", null, "value", identity.identity().value(), "safeValue", null, "secret", null,
                "dates", Json.object("start", date(wallet.createdAt), "end", null), "meta", null, "state", "DEFAULT",
                "status", "ACTIVE", "dateCreated", date(wallet.createdAt), "lastUpdated", date(wallet.createdAt));
    }

    /** AIR's balances of a points account. Nothing is ever spent or locked in the sandbox. */
    static Map<String, Object> pointsBalances(long current, long lifetime) {
        return Json.object("current", current, "usable", current, "locked", 0, "lifetime", lifetime, "lifetimeSpend", 0,
                "lifetimeSpendValue", 0, "pending", 0);
    }

    Map<String, Object> pointsAccount(WalletState wallet) {
        return Json.object("accountId", wallet.pointsAccountId, "walletId", wallet.walletId, "campaignId", schemeId,
                "type", "POINTS", "clientType", "RETAIL_POINTS", "status", "ACTIVE", "state", "LOADED",
                "dates", Json.object("start", date(wallet.createdAt), "end", null), "meta", null,
                "balances", pointsBalances(wallet.balance, wallet.lifetime),
                "dateCreated", date(wallet.createdAt), "lastUpdated", date(wallet.pointsUpdatedAt));
    }

    /**
     * A credit of {@code points} to the wallet's points account (whose balances are already credited): the balances
     * before and after, and the account as it is after.
     */
    Map<String, Object> pointsCredit(WalletState wallet, String accountTransactionId, String walletTransactionId, long points,
                                     String actionReference, Instant now) {
        return Json.object("accountTransactionId", accountTransactionId, "parentAccountTransactionId", null,
                "accountId", wallet.pointsAccountId, "walletId", wallet.walletId, "walletTransactionId", walletTransactionId,
                "event", "CREDIT", "value", points, "actionReference", actionReference,
                "balancesBefore", pointsBalances(wallet.balance - points, wallet.lifetime - points),
                "balancesAfter", pointsBalances(wallet.balance, wallet.lifetime),
                "account", pointsAccount(wallet), "state", "ORIGINAL", "status", "SETTLED",
                "dateCreated", date(now), "lastUpdated", date(now));
    }

    /**
     * A {@code REDEEM} of a non-points account ({@code BEHAVIOURAL_ACTION} paying out, or an {@code ECOUPON}); it has no
     * {@code value}, the account is nested as it is after.
     */
    static Map<String, Object> redemption(Map<String, Object> account, String accountTransactionId, String walletTransactionId, Instant now) {
        return Json.object("accountTransactionId", accountTransactionId, "parentAccountTransactionId", null,
                "accountId", account.get("accountId"), "walletId", account.get("walletId"), "walletTransactionId", walletTransactionId,
                "event", "REDEEM", "account", account, "state", "ORIGINAL", "status", "SETTLED",
                "dateCreated", date(now), "lastUpdated", date(now));
    }

    /** A wallet's account of another campaign than the scheme: an e-coupon, or the account a behavioural action pays out from. */
    static Map<String, Object> campaignAccount(String accountId, String walletId, String campaignId, String campaignName, String type,
                                               String clientType, String status, Instant created, Instant updated) {
        return Json.object("accountId", accountId, "walletId", walletId, "campaignId", campaignId, "campaignName", campaignName,
                "type", type, "clientType", clientType, "status", status, "state", "LOADED",
                "dates", Json.object("start", date(created), "end", null), "meta", null,
                "balances", Json.object("available", 0, "refundable", 0),
                "dateCreated", date(created), "lastUpdated", date(updated));
    }

    static Map<String, Object> tierMembership(WalletState wallet, String tierId, AirTier previous, String previousTierId) {
        String direction = previous == null ? "JOIN" : previous.threshold() < wallet.tier.threshold() ? "UP" : "DOWN";
        return Json.object("membershipId", wallet.tierMembershipId, "walletId", wallet.walletId,
                "tierId", tierId, "tierName", wallet.tier.name(), "previousTierId", previousTierId,
                "previousTierName", previous == null ? null : previous.name(), "direction", direction,
                "tierPoints", wallet.lifetime, "status", "ACTIVE",
                "dates", Json.object("start", date(wallet.tierUpdatedAt), "end", null),
                "dateCreated", date(wallet.tierUpdatedAt), "lastUpdated", date(wallet.tierUpdatedAt));
    }

    static Map<String, Object> operation(String objectType, String operationType, Object objectValue) {
        return Json.object("objectType", objectType, "operationType", operationType, "objectValue", objectValue);
    }

    /** {@code request}: the call that made the change; its body as a JSON string, as AIR writes it, unless configured otherwise. */
    Map<String, Object> request(String resource, String method, Object body) {
        return Json.object("resource", resource, "method", method, "body", bodiesAsStrings ? Json.text(body) : body);
    }

    /** {@code response}: the answer to that call; its body written as {@link #request} writes bodies. */
    Map<String, Object> response(int code, Object body) {
        return Json.object("code", code, "contentType", "application/json", "body", bodiesAsStrings ? Json.text(body) : body);
    }

    /** The identities AIR adds to every event: those of the configured types (all types when none are configured). */
    List<Map<String, Object>> enrichmentIdentities(WalletState wallet) {
        List<Map<String, Object>> identities = new ArrayList<>();
        for (WalletState.IdentityState identity : wallet.identities) {
            if (enrichmentTypes.isEmpty() || enrichmentTypes.contains(identity.identity().type())) {
                identities.add(Json.object("identityId", identity.identityId(), "walletId", wallet.walletId,
                        "type", identity.identity().type(), "value", identity.identity().value(), "state", "DEFAULT", "status", "ACTIVE"));
            }
        }
        return identities;
    }

    /** The envelope of one event about {@code wallet}, with a new {@code eesEventId}. */
    AirNotification envelope(String eventName, Instant now, WalletState wallet, Map<String, Object> request,
                             Map<String, Object> response, List<Map<String, Object>> operations) {
        Instant eventDate = now.truncatedTo(ChronoUnit.MICROS);
        String eesEventId = UUID.randomUUID().toString();
        Map<String, Object> envelope = Json.object(
                "headers", Json.object("eventName", eventName, "eventDate", EVENT_DATE.format(eventDate), "eesEventId", eesEventId,
                        "unitId", unitId, "clientId", clientId),
                "request", request,
                "response", response,
                "atomicOperations", operations);
        if (!faults.omitsEnrichment()) {
            envelope.put("enrichmentData", Json.object("walletEntity_" + wallet.walletId,
                    Json.object("identities", enrichmentIdentities(wallet))));
        }
        return new AirNotification(eesEventId, eventName, wallet.walletId, eventDate, Json.text(envelope));
    }
}

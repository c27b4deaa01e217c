package dev.cohort.connector.air;

import dev.cohort.connector.air.AirEnvelope.AirIdentity;
import dev.cohort.connector.air.AirEnvelope.AtomicOperation;
import dev.cohort.connector.air.AirEnvelope.EnrichedWallet;
import dev.cohort.spi.event.Identity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose event it is: the wallet, and the identities a marketing platform can find the consumer by.
 *
 * <p>The wallet is the first {@code walletId} of the atomic operations' objects (or their {@code account}), else
 * the one enrichment key {@code walletEntity_<walletId>}, else the answer's {@code walletId}, else the
 * {@code /wallet/<walletId>/…} of the request's resource.
 *
 * <p>The identities come from {@code enrichmentData} (the event's wallet first), else, when that holds none, from
 * the notification's {@code walletIdentityEntity} operations. Deleted identities (status
 * {@code DELETED}, or a {@code DELETE} operation) are left out; active ones come first, so that
 * {@link dev.cohort.spi.event.LoyaltyEvent#identity(String)} picks an active identity of the configured type.
 */
final class Wallets {
    static final String IDENTITY_ENTITY = "walletIdentityEntity";
    private static final Pattern WALLET_RESOURCE = Pattern.compile("/wallets?/([^/?]+)");

    private Wallets() {}

    static String walletId(AirEnvelope envelope) {
        for (AtomicOperation operation : envelope.atomicOperations()) {
            String id = Json.text(operation.objectValue(), "walletId", "account.walletId");
            if (id != null) {
                return id;
            }
        }
        List<String> enriched = envelope.enrichmentData().stream().map(EnrichedWallet::walletId).filter(id -> id != null).toList();
        if (enriched.size() == 1) {
            return enriched.get(0);
        }
        String answered = Json.text(envelope.response().body(), "walletId", "walletTransaction.walletId");
        if (answered != null) {
            return answered;
        }
        String resource = envelope.request().resource();
        if (resource != null) {
            Matcher matcher = WALLET_RESOURCE.matcher(resource);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return enriched.isEmpty() ? null : enriched.get(0);
    }

    static List<Identity> identities(AirEnvelope envelope, String walletId) {
        List<AirIdentity> enriched = new ArrayList<>();
        List<EnrichedWallet> wallets = new ArrayList<>(envelope.enrichmentData());
        wallets.sort(Comparator.comparing(wallet -> walletId == null || !walletId.equals(wallet.walletId())));
        wallets.forEach(wallet -> enriched.addAll(wallet.identities()));
        List<Identity> identities = usable(enriched);
        if (!identities.isEmpty()) {
            return identities;
        }
        return usable(envelope.operations(IDENTITY_ENTITY).filter(operation -> !operation.deletes())
                .map(operation -> EnvelopeReader.identity(operation.objectValue(), null)).toList());
    }

    /** The identities with a type and value that are not deleted, active ones first, each once. */
    private static List<Identity> usable(List<AirIdentity> found) {
        List<AirIdentity> usable = new ArrayList<>(found.stream()
                .filter(identity -> identity.type() != null && identity.value() != null)
                .filter(identity -> !"DELETED".equalsIgnoreCase(identity.status()))
                .toList());
        usable.sort(Comparator.comparing(identity -> !isActive(identity)));
        Set<Identity> identities = new LinkedHashSet<>();
        usable.forEach(identity -> identities.add(new Identity(identity.type(), identity.value())));
        return List.copyOf(identities);
    }

    private static boolean isActive(AirIdentity identity) {
        return identity.status() == null || "ACTIVE".equalsIgnoreCase(identity.status());
    }
}

package dev.cohort.sandbox.air;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One wallet's mutable state. Guarded by its {@link LoyaltyProgram}'s lock. */
final class WalletState {
    /** One identity of the wallet with AIR's id for it. */
    record IdentityState(String identityId, AirIdentity identity) {
    }

    final String walletId;
    final Instant createdAt;
    final List<IdentityState> identities;
    final String pointsAccountId;
    long balance;
    long lifetime;
    Instant pointsUpdatedAt;
    AirTier tier;
    String tierMembershipId;
    Instant tierUpdatedAt;
    final List<String> redeemedCoupons = new ArrayList<>();
    /** The account each behavioural action pays out from, by action reference, made at the action's first trigger. */
    final Map<String, String> actionAccountIds = new HashMap<>();
    final List<String> references = new ArrayList<>();

    WalletState(String walletId, Instant createdAt, List<IdentityState> identities, String pointsAccountId) {
        this.walletId = walletId;
        this.createdAt = createdAt;
        this.identities = List.copyOf(identities);
        this.pointsAccountId = pointsAccountId;
        this.pointsUpdatedAt = createdAt;
    }

    AirWallet snapshot() {
        return new AirWallet(walletId, identities.stream().map(IdentityState::identity).toList(), pointsAccountId, balance, lifetime,
                tier == null ? null : tier.name(), redeemedCoupons, references);
    }
}

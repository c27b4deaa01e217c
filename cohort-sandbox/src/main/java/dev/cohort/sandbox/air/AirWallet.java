package dev.cohort.sandbox.air;

import java.util.List;

/**
 * A wallet as the sandbox holds it at one moment: what a test or a person looks at after triggers and
 * purchases. {@link #toString()} shows the identities' types only.
 *
 * @param walletId AIR's id of the wallet (digits)
 * @param identities its identities, in the order they were given
 * @param pointsAccountId the id of its one points account (of the program's scheme)
 * @param pointsBalance the points account's current balance
 * @param lifetimePoints every point ever credited (tiers are decided on this)
 * @param tier the name of its tier, or {@code null} when below every threshold or the program has no tiers
 * @param redeemedCoupons the names of the coupons it redeemed, in order
 * @param transactionReferences the references of its wallet transactions, in order
 */
public record AirWallet(String walletId, List<AirIdentity> identities, String pointsAccountId, long pointsBalance,
                        long lifetimePoints, String tier, List<String> redeemedCoupons, List<String> transactionReferences) {
    public AirWallet {
        identities = List.copyOf(identities);
        redeemedCoupons = List.copyOf(redeemedCoupons);
        transactionReferences = List.copyOf(transactionReferences);
    }
}

package dev.cohort.sandbox.air;

/**
 * How {@code services/trigger} answers a wallet transaction reference it has settled before, for the same wallet
 * and actions. AIR does not publish which it does; both say "nothing was issued" in a way a client can tell.
 */
public enum AirDuplicateAnswer {
    /** {@code 200} with the transaction settled the first time, {@code "duplicate": true} added, and {@code Idempotent-Replayed: true}. */
    REPLAY,
    /**
     * {@code 409 {"errorCode":"DUPLICATE_REFERENCE","errorMessage":"…","walletTransaction":{…}}}, the transaction
     * settled the first time included.
     */
    CONFLICT
}

package dev.cohort.sandbox.air;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the sandbox AIR server did: answered a request, changed a wallet, tried to deliver an event
 * notification. Events never hold the client secret, the external key or identity values.
 *
 * @param time when it happened, by the server's clock
 * @param kind what happened
 * @param walletId the wallet concerned, or {@code null}
 * @param status the HTTP status answered ({@link Kind#REQUEST_ANSWERED}) or received from the connector URL (a
 *               notification); 0 when there was none (the connection failed, or nothing was sent)
 * @param detail one human-readable line
 */
public record AirSandboxEvent(Instant time, Kind kind, String walletId, int status, String detail) {
    /** The kinds of event the server reports. */
    public enum Kind {
        /** An API request was answered (any status). */
        REQUEST_ANSWERED,
        /** A wallet was created (through the API or {@link SandboxAirServer#createWallet}). */
        WALLET_CREATED,
        /** Behavioural actions issued points. */
        POINTS_ISSUED,
        /** A wallet moved to another tier. */
        TIER_MOVED,
        /** A simulated POS purchase was settled. */
        PURCHASE_SETTLED,
        /** A simulated coupon redemption. */
        COUPON_REDEEMED,
        /** Synthetic settlements were queued for a benchmark (one event for the whole batch). */
        SETTLEMENTS_EMITTED,
        /** An event notification reached the connector URL (a 2xx answer). Not reported for synthetic settlements. */
        NOTIFICATION_DELIVERED,
        /** One attempt to deliver a notification failed; {@code detail} says whether it will be tried again. */
        NOTIFICATION_FAILED,
        /** Every attempt to deliver a notification failed; it will not be sent again. */
        NOTIFICATION_ABANDONED,
        /** A notification was not sent because of {@link AirFaults#withholdNotifications()}. */
        NOTIFICATION_WITHHELD
    }

    public AirSandboxEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for a console, e.g. {@code wallet 500001: POST /2.0/services/trigger -> 201: APP_DOWNLOAD +10000 points}. */
    public String describe() {
        String who = walletId == null ? "" : "wallet " + walletId + ": ";
        return switch (kind) {
            case REQUEST_ANSWERED -> who + detail + " -> " + status;
            case WALLET_CREATED -> who + "created " + detail;
            case POINTS_ISSUED -> who + "issued " + detail;
            case TIER_MOVED -> who + "tier " + detail;
            case PURCHASE_SETTLED -> who + "settled " + detail;
            case COUPON_REDEEMED -> who + "redeemed " + detail;
            case SETTLEMENTS_EMITTED -> "emitted " + detail;
            case NOTIFICATION_DELIVERED -> who + "notified " + detail;
            case NOTIFICATION_FAILED -> who + "notification failed: " + detail;
            case NOTIFICATION_ABANDONED -> who + "notification abandoned: " + detail;
            case NOTIFICATION_WITHHELD -> who + "notification withheld (fault): " + detail;
        };
    }
}

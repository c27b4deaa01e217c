package dev.cohort.connector.air;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One AIR event notification as {@link EnvelopeReader} reads it: what happened ({@link Headers}), the API call that
 * caused it ({@link Request}, {@link Response}), the objects it touched ({@link AtomicOperation}s) and the wallets'
 * identities AIR added ({@link EnrichedWallet}s). Fields AIR adds later are ignored; the objects' own values stay
 * JSON ({@link AtomicOperation#objectValue()}) and are read by the views of {@link AirObjects}.
 */
record AirEnvelope(Headers headers, Request request, Response response, List<AtomicOperation> atomicOperations,
                   List<EnrichedWallet> enrichmentData) {
    AirEnvelope {
        Objects.requireNonNull(headers, "headers");
        request = request == null ? new Request(null, null, MissingNode.getInstance()) : request;
        response = response == null ? new Response(null, null, MissingNode.getInstance()) : response;
        atomicOperations = List.copyOf(atomicOperations);
        enrichmentData = List.copyOf(enrichmentData);
    }

    /**
     * @param eventName  the event type ({@code POSCONNECT.WALLET.SETTLE})
     * @param eventDate  when it happened, as AIR wrote it
     * @param occurredAt {@code eventDate} read (a date without offset is UTC)
     * @param eesEventId AIR's unique id of the event: a notification delivered twice has the same one
     * @param unitId     the AIR unit (the client's programme), or null
     * @param clientId   the API client whose call caused the event, or null
     */
    record Headers(String eventName, String eventDate, Instant occurredAt, String eesEventId, String unitId, String clientId) {}

    /**
     * @param resource the API path called ({@code /connect/wallet/settle})
     * @param method   the HTTP method
     * @param body     the request body; AIR sends it as JSON text, read into a tree here when it is JSON
     */
    record Request(String resource, String method, JsonNode body) {}

    /**
     * @param code        the HTTP status AIR answered
     * @param contentType its content type
     * @param body        the answer's body, read into a tree when AIR sent it as JSON text
     */
    record Response(Integer code, String contentType, JsonNode body) {}

    /**
     * One object the event created, read, changed or deleted.
     *
     * @param objectType    {@code walletTransactionEntity}, {@code walletAccountTransactionEntity}, {@code tierMembershipEntity}, …
     * @param operationType {@code CREATE}, {@code READ}, {@code UPDATE} or {@code DELETE}
     * @param objectValue   the object after the operation
     */
    record AtomicOperation(String objectType, String operationType, JsonNode objectValue) {
        boolean is(String type) {
            return objectType != null && objectType.equalsIgnoreCase(type);
        }

        boolean deletes() {
            return "DELETE".equalsIgnoreCase(operationType);
        }
    }

    /**
     * The identities AIR added for one wallet ({@code enrichmentData.walletEntity_<walletId>}).
     *
     * @param key      the property name ({@code walletEntity_216396239})
     * @param walletId the wallet id from the key, or null when the key has another form
     */
    record EnrichedWallet(String key, String walletId, List<AirIdentity> identities) {
        EnrichedWallet {
            identities = List.copyOf(identities);
        }
    }

    /**
     * One identity of a wallet. {@link #toString()} never shows the value (PII).
     *
     * @param type   {@code CUSTOMER_ID}, {@code CARD}, {@code MOBILE}, {@code EMAIL}, …
     * @param state  {@code DEFAULT}, …
     * @param status {@code ACTIVE}, {@code DELETED}, …
     */
    record AirIdentity(String identityId, String walletId, String type, String value, String state, String status) {
        @Override
        public String toString() {
            return "AirIdentity[identityId=" + identityId + ", walletId=" + walletId + ", type=" + type + ", state=" + state
                    + ", status=" + status + "]";
        }
    }

    /** The operations on {@code objectType}, in order, deletions included. */
    Stream<AtomicOperation> operations(String objectType) {
        return atomicOperations.stream().filter(operation -> operation.is(objectType));
    }

    /** The last operation on {@code objectType} that is not a deletion. */
    Optional<AtomicOperation> last(String objectType) {
        return operations(objectType).filter(operation -> !operation.deletes()).reduce((first, second) -> second);
    }
}

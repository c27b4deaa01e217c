package dev.cohort.connector.air;

import dev.cohort.connector.air.AirEnvelope.AirIdentity;
import dev.cohort.connector.air.AirEnvelope.AtomicOperation;
import dev.cohort.connector.air.AirEnvelope.EnrichedWallet;
import dev.cohort.connector.air.AirEnvelope.Headers;
import dev.cohort.connector.air.AirEnvelope.Request;
import dev.cohort.connector.air.AirEnvelope.Response;
import dev.cohort.spi.event.NotificationRejectedException;
import dev.cohort.spi.event.NotificationRejectedException.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads an AIR event notification into an {@link AirEnvelope}, or rejects it with every problem by JSON path: not
 * JSON, not an object, no {@code headers}, no {@code headers.eventName}, no {@code headers.eesEventId}, an
 * {@code eventDate} that is not a date, and containers of the wrong kind ({@code atomicOperations} not a list,
 * {@code enrichmentData} not an object). Everything else is read tolerantly: unknown fields are ignored, an empty
 * object may be written {@code []} (as AIR does), ids may be strings or numbers, bodies may be JSON inside a string.
 * An empty object {@code {}} is a ping, not an event. Messages never quote a value that could be personal data.
 */
final class EnvelopeReader {
    private static final Pattern WALLET_KEY = Pattern.compile("walletEntity_(.+)");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_QUOTED = 40;

    private final List<Problem> problems = new ArrayList<>();

    private EnvelopeReader() {}

    /**
     * @return the envelope, or empty for a ping ({@code {}})
     * @throws NotificationRejectedException with every problem
     */
    static Optional<AirEnvelope> read(byte[] body) {
        return new EnvelopeReader().readBody(body);
    }

    private Optional<AirEnvelope> readBody(byte[] body) {
        if (body == null || blank(body)) {
            throw rejected(List.of(new Problem("$", "is empty: an AIR event notification is a JSON object with headers,"
                    + " request, response, atomicOperations and enrichmentData")));
        }
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw rejected(List.of(new Problem("$", "is not JSON (it breaks off or has a syntax error" + where
                    + "): AIR sends each event as one JSON object")));
        }
        if (!root.isObject()) {
            throw rejected(List.of(new Problem("$", "is a JSON " + kind(root) + ", not an object: AIR sends each event as one JSON"
                    + " object with headers, request, response, atomicOperations and enrichmentData")));
        }
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Headers headers = headers(root.path("headers"));
        Request request = request(root.path("request"));
        Response response = response(root.path("response"));
        List<AtomicOperation> operations = operations(root.path("atomicOperations"));
        List<EnrichedWallet> wallets = enrichment(root.path("enrichmentData"));
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        return Optional.of(new AirEnvelope(headers, request, response, operations, wallets));
    }

    /** Only spaces, tabs and line breaks (JSON's whitespace), without decoding the body. */
    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private Headers headers(JsonNode headers) {
        if (!Json.present(headers)) {
            problem("headers", "is missing: every AIR event has headers with eventName, eventDate and eesEventId");
            return null;
        }
        if (!headers.isObject()) {
            problem("headers", "is a " + kind(headers) + ", not an object with eventName, eventDate and eesEventId");
            return null;
        }
        String eventName = requiredText(headers, "eventName", "the event type, e.g. POSCONNECT.WALLET.SETTLE");
        String eesEventId = requiredText(headers, "eesEventId", "AIR's unique id of the event, which recognises a notification"
                + " delivered twice");
        String eventDate = requiredText(headers, "eventDate", "when the event happened, ISO-8601");
        Instant occurredAt = null;
        if (eventDate != null) {
            occurredAt = EventDates.parse(eventDate).orElse(null);
            if (occurredAt == null) {
                problem("headers.eventDate", "is not a date: expected ISO-8601 such as 2025-01-29T20:37:03.078234 (read as UTC)"
                        + " or 2025-01-29T20:37:03+00:00, not '" + quoted(eventDate) + "'");
            }
        }
        return new Headers(eventName, eventDate, occurredAt, eesEventId, Json.text(headers, "unitId"), Json.text(headers, "clientId"));
    }

    private String requiredText(JsonNode headers, String name, String what) {
        JsonNode value = headers.path(name);
        String path = "headers." + name;
        if (!Json.present(value)) {
            problem(path, "is missing: " + what);
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            problem(path, "is a " + kind(value) + ", not a string: " + what);
            return null;
        }
        String text = Json.text(headers, name);
        if (text == null) {
            problem(path, "is empty: " + what);
        }
        return text;
    }

    private Request request(JsonNode request) {
        if (!Json.present(request) || Json.objectLike(request) && request.isEmpty()) {
            return null;
        }
        if (!request.isObject()) {
            problem("request", "is a " + kind(request) + ", not an object with resource, method and body");
            return null;
        }
        return new Request(Json.text(request, "resource"), Json.text(request, "method"), Json.embedded(request.path("body")));
    }

    private Response response(JsonNode response) {
        if (!Json.present(response) || Json.objectLike(response) && response.isEmpty()) {
            return null;
        }
        if (!response.isObject()) {
            problem("response", "is a " + kind(response) + ", not an object with code, contentType and body");
            return null;
        }
        Long code = Json.whole(response, "code");
        return new Response(code == null ? null : code.intValue(), Json.text(response, "contentType"),
                Json.embedded(response.path("body")));
    }

    private List<AtomicOperation> operations(JsonNode operations) {
        List<AtomicOperation> read = new ArrayList<>();
        if (!Json.present(operations)) {
            return read;
        }
        if (!operations.isArray()) {
            problem("atomicOperations", "is a " + kind(operations) + ", not a list of {objectType, operationType, objectValue}");
            return read;
        }
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            if (!operation.isObject()) {
                problem("atomicOperations[" + i + "]", "is a " + kind(operation) + ", not an object with objectType, operationType"
                        + " and objectValue");
                continue;
            }
            JsonNode value = operation.path("objectValue");
            read.add(new AtomicOperation(Json.text(operation, "objectType"), Json.text(operation, "operationType"),
                    value.isObject() ? value : MissingNode.getInstance()));
        }
        return read;
    }

    private List<EnrichedWallet> enrichment(JsonNode enrichment) {
        List<EnrichedWallet> wallets = new ArrayList<>();
        if (!Json.present(enrichment) || Json.objectLike(enrichment) && enrichment.isEmpty()) {
            return wallets;
        }
        if (!enrichment.isObject()) {
            problem("enrichmentData", "is a " + kind(enrichment) + ", not an object of walletEntity_<walletId>: {identities: […]}");
            return wallets;
        }
        for (Map.Entry<String, JsonNode> entry : enrichment.properties()) {
            String path = "enrichmentData" + member(entry.getKey());
            Matcher key = WALLET_KEY.matcher(entry.getKey());
            String walletId = key.matches() ? key.group(1) : null;
            JsonNode identities = entry.getValue().path("identities");
            if (!Json.objectLike(entry.getValue())) {
                problem(path, "is a " + kind(entry.getValue()) + ", not an object with identities");
                continue;
            }
            List<AirIdentity> read = new ArrayList<>();
            if (Json.present(identities) && !identities.isArray()) {
                problem(path + ".identities", "is a " + kind(identities) + ", not a list of identities");
            } else if (identities.isArray()) {
                for (int i = 0; i < identities.size(); i++) {
                    JsonNode identity = identities.get(i);
                    if (!identity.isObject()) {
                        problem(path + ".identities[" + i + "]", "is a " + kind(identity) + ", not an identity object");
                        continue;
                    }
                    read.add(identity(identity, walletId));
                }
            }
            wallets.add(new EnrichedWallet(entry.getKey(), walletId, read));
        }
        return wallets;
    }

    /** An identity object (of the enrichment data or a walletIdentityEntity), its wallet defaulting to {@code walletId}. */
    static AirIdentity identity(JsonNode identity, String walletId) {
        String ownWallet = Json.text(identity, "walletId");
        return new AirIdentity(Json.text(identity, "identityId"), ownWallet != null ? ownWallet : walletId,
                Json.text(identity, "type"), Json.text(identity, "value"), Json.text(identity, "state"), Json.text(identity, "status"));
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private static NotificationRejectedException rejected(List<Problem> problems) {
        return new NotificationRejectedException(problems);
    }

    private static String member(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }

    private static String quoted(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX_QUOTED ? clean.substring(0, MAX_QUOTED) + "…" : clean;
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isObject() ? "object" : "value";
    }
}

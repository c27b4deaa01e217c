package dev.cohort.sandbox.air;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The stand-in's HTTP routes: AIR's {@code POST /2.0/services/trigger} (also at {@code /services/trigger}, where
 * Eagle Eye's own connectors post it on the wallet host) and {@code POST /2.0/services/wallet}, and its
 * own {@code GET /sandbox/wallets[/{walletId}]}. Every request is authenticated first — {@code X-EES-AUTH-CLIENT-ID}
 * and {@code X-EES-AUTH-HASH} ({@link AirSignature}) — then the faults apply, then the route; every answer is an
 * event. Error bodies are {@code {"errorCode":"…","errorMessage":"…"}}.
 */
final class AirApi implements HttpHandler {
    static final String TRIGGER_PATH = "/2.0/services/trigger";
    /** The path Eagle Eye's own connectors post triggers to on the wallet host (the eagle-eye-air connector's default). */
    static final String WALLET_HOST_TRIGGER_PATH = "/services/trigger";
    static final String WALLET_PATH = "/2.0/services/wallet";
    static final String SANDBOX_WALLETS_PATH = "/sandbox/wallets";
    static final String CLIENT_HEADER = "X-EES-AUTH-CLIENT-ID";
    static final String HASH_HEADER = "X-EES-AUTH-HASH";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final AirClient client;
    private final LoyaltyProgram program;
    private final AirFaults faults;
    private final AirEventLog events;

    AirApi(AirClient client, LoyaltyProgram program, AirFaults faults, AirEventLog events) {
        this.client = client;
        this.program = program;
        this.faults = faults;
        this.events = events;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Call call = new Call(exchange);
        try {
            byte[] body = readBody(exchange);
            if (body.length > MAX_BODY_BYTES) {
                call.error(413, "PAYLOAD_TOO_LARGE", "The body is larger than " + MAX_BODY_BYTES + " bytes.", "body too large");
                return;
            }
            if (!authenticated(call, body)) {
                return;
            }
            Duration delay = faults.answerDelay();
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            if (faults.takeRequestToFail()) {
                call.error(500, "INTERNAL_ERROR", "Internal Server Error", "fault: failNextRequests");
                return;
            }
            route(call, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            call.failed(e);
        } finally {
            exchange.close();
        }
    }

    private void route(Call call, byte[] body) throws IOException {
        String path = call.exchange.getRequestURI().getRawPath();
        if (TRIGGER_PATH.equals(path) || WALLET_HOST_TRIGGER_PATH.equals(path)) {
            if (call.allows("POST")) {
                trigger(call, body);
            }
        } else if (WALLET_PATH.equals(path)) {
            if (call.allows("POST")) {
                createWallet(call, body);
            }
        } else if (SANDBOX_WALLETS_PATH.equals(path)) {
            if (call.allows("GET")) {
                call.json(200, Json.object("wallets", program.snapshots().stream().map(AirApi::summary).toList()), "wallets listed");
            }
        } else if (path.startsWith(SANDBOX_WALLETS_PATH + "/")) {
            if (call.allows("GET")) {
                String walletId = path.substring(SANDBOX_WALLETS_PATH.length() + 1);
                call.walletId = walletId;
                var view = program.view(walletId);
                if (view.isPresent()) {
                    call.json(200, view.get(), "wallet shown");
                } else {
                    call.error(404, "WALLET_NOT_FOUND", "No wallet " + walletId + " on this sandbox.", "no such wallet");
                }
            }
        } else {
            call.error(404, "NOT_FOUND", "No such resource. The sandbox serves POST " + TRIGGER_PATH + " (or " + WALLET_HOST_TRIGGER_PATH + "), POST " + WALLET_PATH
                    + " and GET " + SANDBOX_WALLETS_PATH + "[/{walletId}].", "no such endpoint");
        }
    }

    private void trigger(Call call, byte[] body) throws IOException {
        JsonNode json = parse(call, body);
        if (json == null) {
            return;
        }
        TriggerRequest request;
        try {
            request = TriggerRequest.parse(json);
        } catch (TriggerRequest.Invalid e) {
            call.error(400, "VALIDATION_FAILED", "The trigger request is not valid: " + e.getMessage() + ".", e.getMessage());
            return;
        }
        answer(call, program.trigger(request, Json.plain(json)));
    }

    private void createWallet(Call call, byte[] body) throws IOException {
        JsonNode json = parse(call, body);
        if (json == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<AirIdentity> identities = new ArrayList<>();
        JsonNode given = json.isObject() ? json.get("identities") : null;
        if (given == null || !given.isArray() || given.isEmpty()) {
            problems.add("identities is required: a non-empty array of {\"type\":\"CUSTOMER_ID\",\"value\":\"…\"}");
        } else {
            for (int i = 0; i < given.size(); i++) {
                JsonNode identity = given.get(i);
                JsonNode type = identity.get("type");
                JsonNode value = identity.get("value");
                if (type == null || !type.isString() || value == null || !value.isString()) {
                    problems.add("identities[" + i + "] needs a string type and a string value");
                    continue;
                }
                try {
                    identities.add(new AirIdentity(type.stringValue(), value.stringValue()));
                } catch (SandboxAirException e) {
                    problems.add("identities[" + i + "]: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            String problem = String.join("; ", problems);
            call.error(400, "VALIDATION_FAILED", "The wallet request is not valid: " + problem, problem);
            return;
        }
        answer(call, program.createWallet(identities, Json.plain(json)));
    }

    private void answer(Call call, LoyaltyProgram.Answer answer) throws IOException {
        call.walletId = answer.walletId();
        if (answer.replayed()) {
            call.exchange.getResponseHeaders().set(REPLAYED_HEADER, "true");
        }
        call.json(answer.status(), answer.body(), answer.detail());
    }

    private static JsonNode parse(Call call, byte[] body) throws IOException {
        try {
            return Json.read(body);
        } catch (JacksonException e) {
            call.error(400, "INVALID_JSON", "The body is not one JSON document.", "malformed JSON");
            return null;
        }
    }

    private boolean authenticated(Call call, byte[] body) throws IOException {
        if (faults.rejectsEverySignature()) {
            call.error(401, "UNAUTHORISED", "The client id or the request hash is not valid.", "fault: rejectEverySignature");
            return false;
        }
        String clientId = call.exchange.getRequestHeaders().getFirst(CLIENT_HEADER);
        String hash = call.exchange.getRequestHeaders().getFirst(HASH_HEADER);
        String query = call.exchange.getRequestURI().getRawQuery();
        String pathAndQuery = call.exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        String why;
        if (clientId == null || hash == null) {
            why = "the " + CLIENT_HEADER + " and " + HASH_HEADER + " headers are both required";
        } else if (!client.isClient(clientId)) {
            why = "no client has the id given in " + CLIENT_HEADER;
        } else if (!AirSignature.matches(hash, pathAndQuery, body, client.clientSecret())) {
            why = HASH_HEADER + " is not the SHA-256 (hex) of the path, the query with its '?', the body and the client secret,"
                    + " concatenated";
        } else {
            return true;
        }
        call.error(401, "UNAUTHORISED", "Authentication failed: " + why + ".", why);
        return false;
    }

    private static Map<String, Object> summary(AirWallet wallet) {
        return Json.object("walletId", wallet.walletId(),
                "identities", wallet.identities().stream().map(identity -> Json.object("type", identity.type(), "value", identity.value())).toList(),
                "pointsBalance", wallet.pointsBalance(), "tier", wallet.tier());
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            in.transferTo(OutputStream.nullOutputStream());
            return body;
        }
    }

    /** One request being answered, and the event its answer makes. */
    private final class Call {
        private final HttpExchange exchange;
        private String walletId;

        Call(HttpExchange exchange) {
            this.exchange = exchange;
        }

        boolean allows(String method) throws IOException {
            if (method.equals(exchange.getRequestMethod())) {
                return true;
            }
            exchange.getResponseHeaders().set("Allow", method);
            error(405, "METHOD_NOT_ALLOWED", "This resource takes " + method + ".", "method not allowed");
            return false;
        }

        void failed(RuntimeException e) {
            if (exchange.getResponseCode() != -1) {
                return;
            }
            try {
                error(500, "INTERNAL_ERROR", "Internal Server Error", "the sandbox failed: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                // the client is gone
            }
        }

        void error(int status, String code, String message, String reason) throws IOException {
            send(status, Json.error(code, message), reason);
        }

        void json(int status, Object body, String detail) throws IOException {
            send(status, Json.write(body), detail);
        }

        private void send(int status, byte[] body, String detail) throws IOException {
            events.record(AirSandboxEvent.Kind.REQUEST_ANSWERED, walletId, status,
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + ": " + detail);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }
}

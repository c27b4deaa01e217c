package dev.cohort.sandbox.braze;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The stand-in's routes: Braze's {@code POST /users/track}, and its own {@code GET /sandbox/users[/{external_id}]} to
 * look at what was received. Every request needs {@code Authorization: Bearer <REST API key>}; {@code /users/track}
 * then counts against the key's rate limit, and every answer to it carries {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}. Error bodies are Braze's {@code {"message":"…"}}.
 */
final class BrazeApi implements HttpHandler {
    static final String TRACK_PATH = "/users/track";
    static final String SANDBOX_USERS_PATH = "/sandbox/users";
    static final String INVALID_API_KEY = "Invalid API key";
    static final String RATE_LIMITED = "API rate limit exceeded";
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final Map<String, BrazeRateLimit> keys;
    private final UserStore users;
    private final BrazeFaults faults;
    private final BrazeEventLog events;
    private final InstantSource clock;
    private final UsersTrack.Limits limits;
    private final Counts counts;

    /** The running totals behind {@link BrazeRequestCounts}. */
    static final class Counts {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong unauthorized = new AtomicLong();
        final AtomicLong rateLimited = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong attributes = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final AtomicLong purchases = new AtomicLong();
        final AtomicLong objectErrors = new AtomicLong();

        BrazeRequestCounts snapshot() {
            return new BrazeRequestCounts(requests.get(), succeeded.get(), rejected.get(), unauthorized.get(), rateLimited.get(),
                    failed.get(), attributes.get(), events.get(), purchases.get(), objectErrors.get());
        }
    }

    BrazeApi(Map<String, BrazeRateLimit> keys, UserStore users, BrazeFaults faults, BrazeEventLog events, InstantSource clock,
             UsersTrack.Limits limits, Counts counts) {
        this.keys = keys;
        this.users = users;
        this.faults = faults;
        this.events = events;
        this.clock = clock;
        this.limits = limits;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Call call = new Call(exchange);
        try {
            byte[] body = readBody(exchange);
            Duration delay = faults.answerDelay();
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            String path = exchange.getRequestURI().getRawPath();
            if (TRACK_PATH.equals(path)) {
                counts.requests.incrementAndGet();
                if (call.allows("POST")) {
                    track(call, body);
                }
            } else if (SANDBOX_USERS_PATH.equals(path) || path.startsWith(SANDBOX_USERS_PATH + "/")) {
                if (call.allows("GET") && authenticated(call) != null) {
                    look(call, path);
                }
            } else {
                call.message(404, "Not Found", "no such endpoint; the sandbox serves POST " + TRACK_PATH + " and GET "
                        + SANDBOX_USERS_PATH + "[/{external_id}]");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            call.failed(e);
        } finally {
            exchange.close();
        }
    }

    private void track(Call call, byte[] body) throws IOException {
        BrazeRateLimit rateLimit = authenticated(call);
        if (rateLimit == null) {
            counts.unauthorized.incrementAndGet();
            return;
        }
        if (faults.takeRateLimited()) {
            call.rateLimit(rateLimit.full(clock.instant()));
            counts.rateLimited.incrementAndGet();
            call.message(429, RATE_LIMITED, "fault: rateLimitNextRequests");
            return;
        }
        BrazeRateLimit.Window window = rateLimit.take(clock.instant());
        call.rateLimit(window);
        if (!window.admitted()) {
            counts.rateLimited.incrementAndGet();
            call.message(429, RATE_LIMITED, "over " + window.limit() + " requests in the window; it resets at " + window.resetEpochSeconds());
            return;
        }
        int failure = faults.takeFailure();
        if (failure != 0) {
            counts.failed.incrementAndGet();
            call.message(failure, failure == 503 ? "Service Unavailable" : failure == 502 ? "Bad Gateway"
                    : failure == 504 ? "Gateway Timeout" : "Internal Server Error", "fault: failNextRequests");
            return;
        }
        if (body.length > MAX_BODY_BYTES) {
            counts.rejected.incrementAndGet();
            call.message(413, "Request body too large", "the body is larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String contentType = call.exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            counts.rejected.incrementAndGet();
            call.message(415, "Content-Type must be application/json", "Content-Type " + contentType);
            return;
        }
        JsonNode json;
        try {
            json = Json.read(body);
        } catch (JacksonException e) {
            counts.rejected.incrementAndGet();
            call.message(400, "Malformed JSON in the request body.", "malformed JSON");
            return;
        }
        UsersTrack.Parsed request;
        try {
            request = UsersTrack.read(json, limits, clock.instant());
        } catch (UsersTrack.Refused e) {
            counts.rejected.incrementAndGet();
            call.message(400, e.getMessage(), e.getMessage());
            return;
        }
        List<Map<String, Object>> errors = request.errors().stream()
                .map(error -> Json.object("type", error.type(), "input_array", error.inputArray(), "index", error.index())).toList();
        counts.objectErrors.addAndGet(errors.size());
        String summary = request.attributes().size() + " attribute(s), " + request.events().size() + " event(s), "
                + request.purchases().size() + " purchase(s)" + (errors.isEmpty() ? "" : ", " + errors.size() + " skipped: "
                + request.errors().getFirst().inputArray() + "[" + request.errors().getFirst().index() + "] " + request.errors().getFirst().type());
        if (request.valid() == 0) {
            counts.rejected.incrementAndGet();
            call.json(400, Json.object("message", UsersTrack.VALID_DATA_REQUIRED, "errors", errors), summary);
            return;
        }
        users.apply(request);
        counts.succeeded.incrementAndGet();
        counts.attributes.addAndGet(request.attributes().size());
        counts.events.addAndGet(request.events().size());
        counts.purchases.addAndGet(request.purchases().size());
        Map<String, Object> answer = Json.object("message", "success");
        if (request.hasAttributes()) {
            answer.put("attributes_processed", request.attributes().size());
        }
        if (request.hasEvents()) {
            answer.put("events_processed", request.events().size());
        }
        if (request.hasPurchases()) {
            answer.put("purchases_processed", request.purchases().size());
        }
        if (!errors.isEmpty()) {
            answer.put("errors", errors);
        }
        call.json(201, answer, summary);
    }

    private void look(Call call, String path) throws IOException {
        if (path.equals(SANDBOX_USERS_PATH)) {
            call.json(200, Json.object("users", users.users().stream().map(user -> Json.object(
                    user.key().kind().field(), user.key().value(), "attribute_updates", user.attributeUpdates(),
                    "events_received", user.eventsReceived(), "purchases_received", user.purchasesReceived())).toList()), "users listed");
            return;
        }
        Optional<String> externalId = decoded(path.substring(SANDBOX_USERS_PATH.length() + 1));
        Optional<BrazeUser> user = externalId.flatMap(id -> users.user(BrazeUserKey.externalId(id)));
        if (user.isEmpty()) {
            call.message(404, "No user with that external_id has been received", "no such user");
            return;
        }
        call.json(200, view(user.get()), "user shown");
    }

    /** The sandbox's JSON view of a user: what it was sent, in Braze's field names. */
    static Map<String, Object> view(BrazeUser user) {
        return Json.object(user.key().kind().field(), user.key().value(),
                "attributes", user.attributes(),
                "events", user.events().stream().map(event -> Json.object("name", event.name(), "time", event.time().toString(),
                        "properties", event.properties(), "app_id", event.appId(), "received_at", event.receivedAt().toString())).toList(),
                "purchases", user.purchases().stream().map(purchase -> Json.object("product_id", purchase.productId(),
                        "currency", purchase.currency(), "price", purchase.price(), "quantity", purchase.quantity(),
                        "time", purchase.time().toString(), "properties", purchase.properties(),
                        "received_at", purchase.receivedAt().toString())).toList(),
                "attribute_updates", user.attributeUpdates(), "events_received", user.eventsReceived(),
                "purchases_received", user.purchasesReceived());
    }

    /** The rate limit of the request's key, or null after answering 401. */
    private BrazeRateLimit authenticated(Call call) throws IOException {
        if (faults.rejectsEveryKey()) {
            call.message(401, INVALID_API_KEY, "fault: rejectEveryKey");
            return null;
        }
        String authorization = call.exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            call.message(401, INVALID_API_KEY, "no Authorization: Bearer <REST API key> header");
            return null;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, BrazeRateLimit> key : keys.entrySet()) {
            if (MessageDigest.isEqual(key.getKey().getBytes(StandardCharsets.UTF_8), given)) {
                return key.getValue();
            }
        }
        call.message(401, INVALID_API_KEY, "unknown REST API key");
        return null;
    }

    private static Optional<String> decoded(String raw) {
        if (raw.isEmpty() || raw.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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

        Call(HttpExchange exchange) {
            this.exchange = exchange;
        }

        boolean allows(String method) throws IOException {
            if (method.equals(exchange.getRequestMethod())) {
                return true;
            }
            exchange.getResponseHeaders().set("Allow", method);
            message(405, "Method Not Allowed", "this endpoint takes " + method);
            return false;
        }

        void rateLimit(BrazeRateLimit.Window window) {
            exchange.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(window.limit()));
            exchange.getResponseHeaders().set("X-RateLimit-Remaining", Integer.toString(Math.max(0, window.remaining())));
            exchange.getResponseHeaders().set("X-RateLimit-Reset", Long.toString(window.resetEpochSeconds()));
        }

        void failed(RuntimeException e) {
            if (exchange.getResponseCode() != -1) {
                return;
            }
            try {
                message(500, "Internal Server Error", "the sandbox failed: " + e.getClass().getSimpleName());
            } catch (IOException | RuntimeException ignored) {
                // the client is gone
            }
        }

        void message(int status, String message, String reason) throws IOException {
            send(status, Json.message(message), reason);
        }

        void json(int status, Object body, String detail) throws IOException {
            send(status, Json.write(body), detail);
        }

        private void send(int status, byte[] body, String detail) throws IOException {
            String path = exchange.getRequestURI().getRawPath();
            String shown = path.startsWith(SANDBOX_USERS_PATH + "/") ? SANDBOX_USERS_PATH + "/{external_id}" : path;
            events.record(BrazeSandboxEvent.Kind.REQUEST_ANSWERED, status, exchange.getRequestMethod() + " " + shown + ": " + detail);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }
}

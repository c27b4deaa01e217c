package dev.cohort.connector.air;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small AIR for tests: {@code POST <prefix>/services/trigger} on loopback, checking the client id and the
 * signature as AIR does (its own SHA-256 of path, query, body and the secret it holds), one wallet per known
 * identity value, behavioural actions by reference, references kept unique (a repeat answers 409 with the first
 * transaction). Every reward it issues is kept ({@link #issued()}), so a test can see that nothing was issued twice.
 * A test can add wallets, queue forced answers (429, 500, …) or make it hold the next answer until released.
 * Start it by hand with {@link #main} to look at it with curl.
 */
final class AirStandIn implements AutoCloseable {
    static final String CLIENT_ID = "acme-client-01";
    static final String SECRET = "s3cr3t-ab12";

    private final HttpServer server;
    private final String triggerPath;
    private final Map<String, String> wallets = new ConcurrentHashMap<>();
    private final Map<String, Long> balances = new ConcurrentHashMap<>();
    private final Map<String, Long> actions = new ConcurrentHashMap<>();
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Forced> forced = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new ArrayList<>();
    private final List<Issued> issued = new ArrayList<>();
    private final AtomicInteger transactions = new AtomicInteger(880000200);
    private volatile CountDownLatch hold;

    /** What a test wants answered next, whatever the request. */
    record Forced(int status, Map<String, String> headers, String body) {}

    /** A reward the stand-in issued: once per wallet transaction reference. */
    record Issued(String reference, String identityValue, String walletId, List<String> actions, long points) {}

    /** A request as it arrived. */
    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {}

    AirStandIn(String triggerPath) throws IOException {
        this.triggerPath = triggerPath;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        wallets.put("CUST-1001", "310000101");
        balances.put("310000101", 1200L);
        actions.put("LATE_DELIVERY_500", 500L);
        actions.put("APP_DOWNLOAD_100", 100L);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds a wallet that {@code identityValue} finds, with a points balance. */
    void wallet(String identityValue, String walletId, long balance) {
        wallets.put(identityValue, walletId);
        balances.put(walletId, balance);
    }

    void force(int status, Map<String, String> headers, String body) {
        forced.add(new Forced(status, headers, body));
    }

    /** The next request waits for {@link #release()} before it is answered. */
    void holdNextAnswer() {
        hold = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The rewards issued so far, in order. */
    synchronized List<Issued> issued() {
        return List.copyOf(issued);
    }

    long balance(String walletId) {
        return balances.getOrDefault(walletId, 0L);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            synchronized (this) {
                received.add(new Received(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()),
                        new String(body, StandardCharsets.UTF_8)));
            }
            CountDownLatch latch = hold;
            if (latch != null) {
                hold = null;
                latch.await(30, TimeUnit.SECONDS);
            }
            Forced next = forced.poll();
            if (next != null) {
                next.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                answer(exchange, next.status(), next.body());
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !uri.getRawPath().equals(triggerPath)) {
                answer(exchange, 404, "{\"errorCode\":\"RESOURCE_NOT_FOUND\",\"errorMessage\":\"No such resource\"}");
                return;
            }
            String clientId = exchange.getRequestHeaders().getFirst("X-EES-AUTH-CLIENT-ID");
            String hash = exchange.getRequestHeaders().getFirst("X-EES-AUTH-HASH");
            if (!CLIENT_ID.equals(clientId) || !sha256(pathAndQuery, body, SECRET).equals(hash)) {
                answer(exchange, 401, "{\"errorCode\":\"AUTHENTICATION_FAILED\",\"errorMessage\":\"Authentication failed\"}");
                return;
            }
            trigger(exchange, Json.read(body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void trigger(HttpExchange exchange, JsonNode request) throws IOException {
        Forced outcome = run(request);
        answer(exchange, outcome.status(), outcome.body());
    }

    /** What AIR does for a trigger, one at a time, so that a reference is never issued twice even under concurrent requests. */
    private synchronized Forced run(JsonNode request) {
        String identity = request.path("identityValue").asString("");
        String reference = request.path("walletTransaction").path("reference").asString("");
        String walletId = wallets.get(identity);
        if (walletId == null) {
            return new Forced(404, Map.of(), "{\"errorCode\":\"IDENTITY_NOT_FOUND\",\"errorMessage\":\"Identity " + identity + " not found\"}");
        }
        String earlier = answered.get(reference);
        if (earlier != null) {
            return new Forced(409, Map.of(), earlier);
        }
        long points = 0;
        List<String> triggered = new ArrayList<>();
        for (JsonNode trigger : request.path("triggers")) {
            Long action = actions.get(trigger.path("reference").asString(""));
            if (action == null) {
                return new Forced(400, Map.of(), "{\"errorCode\":\"TRIGGER_NOT_FOUND\",\"errorMessage\":\"Unknown trigger reference\"}");
            }
            triggered.add(trigger.path("reference").asString(""));
            points += action;
        }
        long before = balances.getOrDefault(walletId, 0L);
        balances.put(walletId, before + points);
        ObjectNode transaction = Json.MAPPER.createObjectNode();
        transaction.put("walletTransactionId", String.valueOf(transactions.incrementAndGet()));
        transaction.put("walletId", walletId);
        transaction.put("reference", reference);
        transaction.put("type", "BEHAVIOURAL_ACTION_POINTS");
        transaction.put("status", "SETTLED");
        ObjectNode movement = transaction.putArray("accounts").addObject();
        movement.put("accountTransactionId", "6" + transactions.get());
        movement.put("event", "CREDIT");
        movement.put("value", points);
        movement.putObject("account").put("accountId", "5000001").put("type", "POINTS").putObject("balances").put("current", before + points);
        movement.putObject("balancesBefore").put("current", before);
        movement.putObject("balancesAfter").put("current", before + points);
        String answer = Json.MAPPER.writeValueAsString(transaction);
        answered.put(reference, answer);
        issued.add(new Issued(reference, identity, walletId, List.copyOf(triggered), points));
        return new Forced(201, Map.of(), answer);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** AIR's check, written here on its own so that the test does not trust the connector's {@link AirSignature}. */
    private static String sha256(String pathAndQuery, byte[] body, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] signed = (pathAndQuery + new String(body, StandardCharsets.UTF_8) + secret).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(digest.digest(signed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the stand-in until stopped: {@code curl -i -X POST http://127.0.0.1:<port>/services/trigger …}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        AirStandIn air = new AirStandIn(args.length > 0 ? args[0] : "/services/trigger");
        System.out.println("AIR stand-in at " + air.baseUrl() + " (client id " + CLIENT_ID + ")");
        new CountDownLatch(1).await();
    }
}

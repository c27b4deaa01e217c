package dev.cohort.sandbox.air;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/** A real HTTP server receiving AIR's event notifications, as Cohort's {@code /out/…} endpoint will; 200 unless told otherwise. */
final class NotificationReceiver implements AutoCloseable {
    /** One notification posted to the receiver and what it answered. */
    record Received(String path, String authToken, String contentType, JsonNode envelope, int answered) {
        String eventName() {
            return envelope.get("headers").get("eventName").asString();
        }

        String eesEventId() {
            return envelope.get("headers").get("eesEventId").asString();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Integer> nextAnswers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<OnceRule> onceRules = new CopyOnWriteArrayList<>();

    private record OnceRule(Predicate<JsonNode> which, int status) {
    }

    private NotificationReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    static NotificationReceiver start() {
        try {
            return new NotificationReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/out/eagle-eye-air/loyalty");
    }

    /** Answers the first notification that {@code which} accepts with {@code status} (before any {@link #answerNext}). */
    void answerOnce(Predicate<JsonNode> which, int status) {
        onceRules.add(new OnceRule(which, status));
    }

    /** Answers the next notifications with these statuses, in order, then 200 again. */
    void answerNext(int... statuses) {
        for (int status : statuses) {
            nextAnswers.add(status);
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The notifications answered 2xx, in arrival order. */
    List<Received> accepted() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    /** Waits until {@code count} notifications were accepted and returns them. */
    List<Received> awaitAccepted(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> accepted().size() >= count);
        return accepted();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode envelope = AirTestClient.json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer planned = null;
            for (OnceRule rule : onceRules) {
                if (rule.which().test(envelope) && onceRules.remove(rule)) {
                    planned = rule.status();
                    break;
                }
            }
            if (planned == null) {
                planned = nextAnswers.poll();
            }
            int status = planned == null ? 200 : planned;
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Auth-Token"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), envelope, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

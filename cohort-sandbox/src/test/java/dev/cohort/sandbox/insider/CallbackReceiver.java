package dev.cohort.sandbox.insider;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP server receiving results, as Cohort's callback endpoint will; it answers 200 unless told otherwise. */
final class CallbackReceiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One result posted to the receiver, with what it answered and when it arrived ({@link System#nanoTime()}). */
    record Received(String path, String contentType, JsonNode body, int answered, long arrivedNanos) {
    }

    private final HttpServer server;
    private final Queue<Integer> nextAnswers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private CallbackReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/callbacks/", this::receive);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static CallbackReceiver start() {
        try {
            return new CallbackReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url(String id) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/" + id);
    }

    /** Answers the next results with these statuses, in order, then 200 again. */
    void answerNext(int... statuses) {
        for (int status : statuses) {
            nextAnswers.add(status);
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits for the {@code count}th result and returns all so far. */
    List<Received> awaitCount(int count) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> received.size() >= count);
        return received();
    }

    /** Waits for the first result. */
    Received awaitFirst() {
        return awaitCount(1).getFirst();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Integer planned = nextAnswers.poll();
            int status = planned == null ? 200 : planned;
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    body, status, System.nanoTime()));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

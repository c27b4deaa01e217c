package dev.cohort.connector.braze;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A small HTTP server on loopback that answers {@code POST /users/track} as Braze does, from a script: each request
 * takes the next scripted answer, or — when none is left — {@code 201 {"message":"success"}} with rate-limit headers.
 * It keeps every request (headers, body, arrival) for the test to look at. Not Cohort's Braze stand-in: a fixture
 * whose answers a test chooses.
 */
final class ScriptedBraze implements AutoCloseable {
    /** A request as it arrived. */
    record Received(String method, String path, Map<String, String> headers, byte[] body, Instant arrivedAt) {
        JsonNode json() {
            return Json.read(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        int count(String array) {
            return json().path(array).size();
        }
    }

    /** An answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer success() {
            return new Answer(201, Map.of(), "{\"message\":\"success\"}");
        }

        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Answer(status, all, body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Function<Received, Answer>> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);

    ScriptedBraze() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request gets {@code answer}. */
    ScriptedBraze then(Answer answer) {
        script.add(request -> answer);
        return this;
    }

    /** The next request gets what {@code answer} makes of it. */
    ScriptedBraze then(Function<Received, Answer> answer) {
        script.add(answer);
        return this;
    }

    /** The next request gets no answer until the server closes (for timeouts). */
    ScriptedBraze thenHang() {
        script.add(request -> {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.success();
        });
        return this;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                    exchange.getRequestBody().readAllBytes(), Instant.now());
            received.add(request);
            Function<Received, Answer> next = script.poll();
            Answer answer = next == null ? Answer.success() : next.apply(request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}

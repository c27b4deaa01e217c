package dev.cohort.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on a loopback port, written the way a partner would: it checks every request's
 * signature with {@link WebhookSignature#verify} and answers what the test scripted (200 once the script
 * runs out).
 */
final class WebhookReceiver implements AutoCloseable {
    static final String PATH = "/hooks/cohort-token-1234";

    /** A request as received, with the receiver's verdict on its signature. */
    record Received(String path, Map<String, List<String>> headers, byte[] body, long arrivedNanos, boolean genuine) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, String[] headers, boolean hang) {
    }

    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request gets this status and these headers (name, value, name, value…). */
    WebhookReceiver answer(int status, String... headers) {
        script.add(new Answer(status, headers, false));
        return this;
    }

    /** The next request gets no answer until the receiver closes. */
    WebhookReceiver hang() {
        script.add(new Answer(0, new String[0], true));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var headers = exchange.getRequestHeaders();
        boolean genuine = WebhookSignature.verify(secret, headers.getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
                headers.getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE);
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(headers), body, System.nanoTime(), genuine));
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Answer(genuine ? 200 : 401, new String[0], false);
        }
        if (answer.hang()) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i + 1 < answer.headers().length; i += 2) {
            exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
        }
        exchange.sendResponseHeaders(answer.hang() ? 200 : answer.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.close();
    }
}

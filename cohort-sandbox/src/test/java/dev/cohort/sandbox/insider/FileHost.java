package dev.cohort.sandbox.insider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server holding the files uploads point to, as a bucket with presigned URLs would: each URL
 * carries a made-up signature in its query, so tests can check it never shows in events or reasons.
 */
final class FileHost implements AutoCloseable {
    static final String SIGNATURE = "X-Amz-Signature=0f1e2d3c4b5a";

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, URI> redirects = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    private FileHost(HttpServer server) {
        this.server = server;
        server.createContext("/files/", this::serve);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static FileHost start() {
        try {
            return new FileHost(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code content} (UTF-8) at the returned presigned-looking URL. */
    URI put(String name, String content) {
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return url(name);
    }

    /** A URL on this host that answers 404. */
    URI missing(String name) {
        return url(name);
    }

    /** A URL that answers 302 to {@code target}. */
    URI redirectTo(String name, URI target) {
        redirects.put(name, target);
        return url(name);
    }

    /** Holds requests for {@code name} (for up to 10 s) until the returned latch is counted down. */
    CountDownLatch hold(String name) {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put(name, gate);
        return gate;
    }

    /** The file names asked for, in order. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    private URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + name + "?" + SIGNATURE);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/files/".length());
            requested.add(name);
            CountDownLatch gate = gates.get(name);
            if (gate != null) {
                awaitQuietly(gate);
            }
            URI target = redirects.get(name);
            byte[] content = files.get(name);
            if (target != null) {
                exchange.getResponseHeaders().set("Location", target.toString());
                exchange.sendResponseHeaders(302, -1);
            } else if (content == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "text/csv");
                exchange.sendResponseHeaders(200, content.length);
                exchange.getResponseBody().write(content);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

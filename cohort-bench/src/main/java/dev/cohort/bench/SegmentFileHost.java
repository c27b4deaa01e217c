package dev.cohort.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Cohort side of the rate-limit benchmark's uploads, on the JDK's HTTP server on loopback: it serves
 * the one tiny segment file every upload's {@code csv_url} names (the Insider stand-in downloads it after
 * each accepted upload) and takes the stand-in's callbacks, answering 200. It counts both, so the report
 * can say the stand-in did its whole job for each upload. Thread-safe; close once.
 */
final class SegmentFileHost implements AutoCloseable {
    static final String FILE_PATH = "/segment.csv";
    static final String CALLBACK_PATH = "/callback";
    /** A few e-mail addresses, one a line, no header: the file Insider's API expects. */
    static final byte[] SEGMENT = """
            ada@example.com
            grace@example.org
            edsger@example.net
            barbara@example.com
            """.getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong downloads = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();

    private SegmentFileHost(HttpServer server) {
        this.server = server;
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bench-segment-host-", 0).factory());
        server.createContext(FILE_PATH, this::serveFile);
        server.createContext(CALLBACK_PATH, this::takeCallback);
        server.setExecutor(threads);
        server.start();
    }

    static SegmentFileHost start() {
        try {
            return new SegmentFileHost(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024));
        } catch (IOException e) {
            throw new BenchmarkException("cannot start the HTTP server serving the segment file on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    URI fileUrl() {
        return url(FILE_PATH);
    }

    URI callbackUrl() {
        return url(CALLBACK_PATH);
    }

    /** How many times the segment file was downloaded. */
    long downloads() {
        return downloads.get();
    }

    /** How many callbacks arrived. */
    long callbacks() {
        return callbacks.get();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange);
            downloads.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
            exchange.sendResponseHeaders(200, SEGMENT.length);
            exchange.getResponseBody().write(SEGMENT);
        }
    }

    private void takeCallback(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange);
            callbacks.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

package dev.cohort.connector.insider;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Receives partner reports for tests, as the Cohort server's callback endpoint would: every POST to
 * {@code /callbacks/<run>} is kept with its run and answered 200.
 */
final class CallbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Report> reports = new CopyOnWriteArrayList<>();

    /** One report as posted. */
    record Report(String run, byte[] body) {}

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callbacks/", this::receive);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url(String run) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks/" + run);
    }

    /** Waits (at most 10 s) for the report on run {@code run}'s URL and returns its body. */
    byte[] awaitReport(String run) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream().filter(r -> r.run().equals(run)).findFirst(),
                java.util.Optional::isPresent).orElseThrow().body();
    }

    List<Report> reports() {
        return List.copyOf(reports);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            reports.add(new Report(exchange.getRequestURI().getPath().substring("/callbacks/".length()), body));
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

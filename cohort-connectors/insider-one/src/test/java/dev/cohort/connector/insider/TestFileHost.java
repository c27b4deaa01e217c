package dev.cohort.connector.insider;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cohort.spi.destination.FileHost;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * A stand-in for the Cohort server's file host, for tests: lent files are moved into a folder and served
 * over the JDK's HTTP server on loopback at {@code /files/<random>/<name>}. No signing or expiry — the real
 * one (in cohort-server) does that; this one only makes the URL Insider downloads from real.
 */
final class TestFileHost implements FileHost, AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path folder;
    private final HttpServer server;

    TestFileHost(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/files/", this::serve);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @Override
    public Link lend(Path file, String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a lent file's name has letters, digits, '.', '_' and '-' only: " + name);
        }
        String token = HexFormat.of().formatHex(RANDOM.generateSeed(16));
        try {
            Path target = folder.resolve(token).resolve(name);
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Link(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + token + "/" + name),
                Instant.now().plus(Duration.ofHours(12)));
    }

    /** The names of the files lent so far. */
    List<String> files() {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content of the only lent file of that name. */
    String read(String name) {
        try (Stream<Path> paths = Files.walk(folder)) {
            Path file = paths.filter(path -> path.getFileName().toString().equals(name)).findFirst().orElseThrow();
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String relative = exchange.getRequestURI().getPath().substring("/files/".length());
            Path file = folder.resolve(relative).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file) || !exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.cohort.connector.insider;

import dev.cohort.sandbox.insider.SandboxInsiderServer;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything one Insider One delivery needs, fresh for each test: the sandbox Insider server (one account,
 * callbacks at once), a file host and a callback receiver on loopback, and an empty work folder for the
 * connector's temporary files. Registered as an instance field, so it is ready before any {@code @BeforeEach}.
 */
final class InsiderTestBed implements BeforeEachCallback, AfterEachCallback {
    static final String PARTNER = "cohort-test-brand";
    static final String TOKEN = "tok-" + UUID.randomUUID();
    static final String SEGMENT = "vip-customers";

    private Path root;
    private SandboxInsiderServer insider;
    private TestFileHost files;
    private CallbackReceiver callbacks;
    private InsiderOneDestinationType type;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("insider-one-test-");
        files = new TestFileHost(root.resolve("lent"));
        callbacks = new CallbackReceiver();
        insider = startInsider(UnaryOperator.identity());
        type = new InsiderOneDestinationType(root.resolve("work"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        insider.close();
        files.close();
        callbacks.close();
        InsiderOneWriter.deleteQuietly(root);
    }

    /** Replaces the sandbox server with one built with more options (rate limit, clock, field names). */
    SandboxInsiderServer restartInsider(UnaryOperator<SandboxInsiderServer.Builder> options) {
        insider.close();
        insider = startInsider(options);
        return insider;
    }

    private static SandboxInsiderServer startInsider(UnaryOperator<SandboxInsiderServer.Builder> options) {
        return options.apply(SandboxInsiderServer.builder().account(PARTNER, TOKEN).callbackDelay(Duration.ZERO)).start();
    }

    /** A type whose merge sorts in blocks of at most {@code bytes}. */
    InsiderOneDestinationType typeSortingIn(long bytes) {
        return new InsiderOneDestinationType(root.resolve("work"), bytes);
    }

    SandboxInsiderServer insider() {
        return insider;
    }

    TestFileHost files() {
        return files;
    }

    CallbackReceiver callbacks() {
        return callbacks;
    }

    InsiderOneDestinationType type() {
        return type;
    }

    Path workFolder() {
        return root.resolve("work");
    }

    /** What the work folder holds now: the connector's temporary files left behind. */
    List<String> leftInWorkFolder() {
        if (!Files.exists(workFolder())) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(workFolder())) {
            return paths.filter(path -> !path.equals(workFolder())).map(path -> workFolder().relativize(path).toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings for the sandbox: its URL, the segment, email, plus {@code overrides}. */
    Map<String, Object> settings(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("segment_name", SEGMENT);
        settings.put("attribute", "email");
        settings.put("base_url", insider.url().toString());
        settings.putAll(overrides);
        return settings;
    }

    static Map<String, String> secrets() {
        return Map.of("partner_name", PARTNER, "api_token", TOKEN);
    }

    InsiderOneConfig configure(Map<String, Object> overrides) {
        return configure(overrides, secrets());
    }

    InsiderOneConfig configure(Map<String, Object> overrides, Map<String, String> secrets) {
        return type.configure(new Settings(type.spec().settings(), settings(overrides), secrets));
    }

    /** A context with this bed's file host and the callback URL of run {@code runId}. */
    WriteContext context(String runId, List<String> fields, RequestPermits permits) {
        return new WriteContext(runId, "to-insider", "audience", Instant.now(), ZoneOffset.UTC, false, fields, permits, files,
                callbacks.url(runId));
    }

    WriteContext context(String runId) {
        return context(runId, List.of("email"), RequestPermits.UNLIMITED);
    }

    /** One delivery of {@code values} (one field each) with {@code type} and {@code config}. */
    WriteResult deliver(InsiderOneDestinationType with, InsiderOneConfig config, String runId, List<String> values) {
        try (DestinationWriter writer = with.open(config, context(runId, List.of(config.attribute().wireName()), RequestPermits.UNLIMITED))) {
            List<String[]> rows = new ArrayList<>();
            for (String value : values) {
                rows.add(new String[] {value});
            }
            writer.write(RecordBatch.numberedFrom(1, rows));
            return writer.finish();
        }
    }
}

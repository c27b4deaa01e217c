package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.cohort.notify.WebhookSignature;
import dev.cohort.server.auth.Role;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A notification channel declared in cohort.yaml hears about runs as signed webhooks. */
class NotificationWebhookIT {
    private static final String SECRET = "a-webhook-secret-of-some-length";

    @TempDir
    Path root;

    private HttpServer receiver;
    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aWebhookChannelReceivesSignedNotificationsOfTheLevelsItWants() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        List<Boolean> verified = new CopyOnWriteArrayList<>();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/cohort", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            verified.add(WebhookSignature.verify(SECRET, exchange.getRequestHeaders().getFirst("X-Cohort-Timestamp"),
                    body, exchange.getRequestHeaders().getFirst("X-Cohort-Signature"), Instant.now(), Duration.ofMinutes(5)));
            received.add(ServerFixture.JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Files.writeString(root.resolve("hook.secret"), SECRET);
        String extra = """
                credentials:
                  hook: {type: webhook, values: {secret: "${file:%s}"}}
                notifications:
                  ops:
                    webhook: {url: "http://127.0.0.1:%d/hooks/cohort", credential: hook}
                    levels: [completed, error]
                """.formatted(root.resolve("hook.secret"), receiver.getAddress().getPort());
        fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}", "", extra)
                .start(ServerOptions.defaults().withWorkers(1).withPollInterval(Duration.ofMillis(100)));

        long id = fixture.post("/api/v1/orchestrations/raw/runs", Role.OPERATOR, null).json().path("id").asLong();

        await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        JsonNode notification = received.getFirst();
        assertThat(notification.path("event").asString()).isEqualTo("run.completed");
        assertThat(notification.path("run_id").asLong()).isEqualTo(id);
        assertThat(notification.path("workspace").asString()).isEqualTo("acme");
        assertThat(notification.path("rows_sent").asLong()).isEqualTo(40);
        assertThat(verified).containsOnly(true);
        assertThat(received).as("the RUNNING notification is not a level this channel wants").hasSize(1);
    }
}

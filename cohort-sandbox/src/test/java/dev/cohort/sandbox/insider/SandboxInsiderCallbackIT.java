package dev.cohort.sandbox.insider;

import static dev.cohort.sandbox.insider.FpsClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxInsiderCallbackIT {
    private static final String PARTNER = "mybrand";
    private static final String TOKEN = "tok-3c1f9a7e";

    private FileHost files;
    private CallbackReceiver callbacks;
    private SandboxInsiderServer insider;
    private FpsClient client;

    @BeforeEach
    void start() {
        files = FileHost.start();
        callbacks = CallbackReceiver.start();
        insider = SandboxInsiderServer.builder().account(PARTNER, TOKEN)
                .callbackDelay(Duration.ZERO).callbackAttempts(3).callbackRetryDelay(Duration.ofMillis(20))
                .start();
        client = new FpsClient(insider);
    }

    @AfterEach
    void stop() {
        insider.close();
        callbacks.close();
        files.close();
    }

    @Test
    void aFailedCallbackIsTriedAgainAndEachAttemptRecorded() {
        callbacks.answerNext(503, 500);

        upload("vip", files.put("vip.csv", "ada@example.com\n"));

        List<CallbackReceiver.Received> received = callbacks.awaitCount(3);
        assertThat(received).extracting(CallbackReceiver.Received::answered).containsExactly(503, 500, 200);
        assertThat(received).extracting(r -> r.body().toString()).containsOnly(
                "{\"segment_name\":\"vip\",\"status\":\"completed\",\"valid_count\":1,\"invalid_count\":0}");
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(InsiderEvent.Kind.CALLBACK_DELIVERED).size() == 1);
        assertThat(eventsOf(InsiderEvent.Kind.CALLBACK_ATTEMPTED)).extracting(InsiderEvent::status).containsExactly(503, 500, 200);
        assertThat(eventsOf(InsiderEvent.Kind.CALLBACK_ATTEMPTED)).extracting(InsiderEvent::detail)
                .allSatisfy(detail -> assertThat(detail).contains(" of 3 to " + callbacks.url("r")));
        assertThat(eventsOf(InsiderEvent.Kind.CALLBACK_ABANDONED)).isEmpty();
    }

    @Test
    void aCallbackThatKeepsFailingIsAbandonedAfterTheLastAttempt() {
        callbacks.answerNext(503, 503, 503);

        upload("vip", files.put("vip.csv", "ada@example.com\n"));

        callbacks.awaitCount(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(InsiderEvent.Kind.CALLBACK_ABANDONED).size() == 1);
        assertThat(eventsOf(InsiderEvent.Kind.CALLBACK_ABANDONED).getFirst().detail()).contains("3 attempt(s)", "answered HTTP 503");
        assertThat(callbacks.received()).hasSize(3);
        assertThat(insider.segment(PARTNER, "vip")).isPresent();
    }

    @Test
    void aCallbackUrlThatCannotBeReachedIsRecordedPerAttempt() throws IOException {
        URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/callbacks/r");
        client.upload(PARTNER, TOKEN, body("vip", "email", files.put("vip.csv", "ada@example.com\n"), nowhere));

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(InsiderEvent.Kind.CALLBACK_ABANDONED).size() == 1);
        assertThat(eventsOf(InsiderEvent.Kind.CALLBACK_ATTEMPTED)).hasSize(3)
                .allSatisfy(event -> assertThat(event.status()).isZero());
    }

    @Test
    void aFileUrlThatAnswers404MakesAFailedResultWithTheReason() {
        upload("vip", files.missing("gone.csv"));

        JsonNode result = callbacks.awaitFirst().body();

        assertThat(result.get("segment_name").asString()).isEqualTo("vip");
        assertThat(result.get("status").asString()).isEqualTo("failed");
        assertThat(result.get("valid_count").asInt()).isZero();
        assertThat(result.get("invalid_count").asInt()).isZero();
        assertThat(result.get("reason").asString()).contains("answered HTTP 404", "/files/gone.csv").doesNotContain(FileHost.SIGNATURE);
        assertThat(eventsOf(InsiderEvent.Kind.FILE_DOWNLOAD_FAILED)).extracting(InsiderEvent::status).containsExactly(404);
        assertThat(insider.segment(PARTNER, "vip")).isEmpty();
    }

    @Test
    void aFirstUploadThatFailedLeavesTheNameFree() {
        upload("vip", files.missing("gone.csv"));
        callbacks.awaitFirst();

        assertThat(upload("vip", files.put("vip.csv", "ada@example.com\n"))).isEqualTo(202);
        assertThat(callbacks.awaitCount(2).get(1).body().get("status").asString()).isEqualTo("completed");
    }

    @Test
    void aFailedReplaceKeepsTheValuesStoredBefore() {
        insider.seedSegment(PARTNER, "vip", InsiderAttribute.EMAIL, List.of("ada@example.com"));

        int status = client.upload(PARTNER, TOKEN, FpsClient.with(body("vip", "email", files.missing("gone.csv"), callbacks.url("r")),
                "mode", "replace")).statusCode();

        assertThat(status).isEqualTo(202);
        assertThat(callbacks.awaitFirst().body().get("status").asString()).isEqualTo("failed");
        assertThat(client.download(PARTNER, TOKEN, "vip").body()).isEqualTo("ada@example.com\n");
    }

    @Test
    void aRedirectIsNotFollowed() {
        URI real = files.put("real.csv", "ada@example.com\n");

        upload("vip", files.redirectTo("moved.csv", real));

        assertThat(callbacks.awaitFirst().body().get("reason").asString()).contains("HTTP 302", "redirects are not followed");
        assertThat(files.requested()).containsExactly("moved.csv");
    }

    @Test
    void aFileUrlThatCannotBeReachedMakesAFailedResult() throws IOException {
        upload("vip", URI.create("http://127.0.0.1:" + freePort() + "/files/a.csv"));

        assertThat(callbacks.awaitFirst().body().get("reason").asString()).startsWith("cannot connect to the file URL http://127.0.0.1:");
    }

    @Test
    void aFileLargerThanTheLimitMakesAFailedResult() {
        try (SandboxInsiderServer small = SandboxInsiderServer.builder().account(PARTNER, TOKEN).callbackDelay(Duration.ZERO)
                .maxFileBytes(10).start()) {
            new FpsClient(small).upload(PARTNER, TOKEN, body("vip", "email", files.put("big.csv", "ada@example.com\n"), callbacks.url("r")));

            assertThat(callbacks.awaitFirst().body().get("reason").asString()).contains("larger than 10 bytes");
        }
    }

    @Test
    void theCallbackComesAfterTheConfiguredDelayPlusTheFaultsDelay() {
        try (SandboxInsiderServer slow = SandboxInsiderServer.builder().account(PARTNER, TOKEN)
                .callbackDelay(Duration.ofMillis(150)).start()) {
            slow.faults().delayCallbacks(Duration.ofMillis(150));
            long sent = System.nanoTime();

            new FpsClient(slow).upload(PARTNER, TOKEN, body("vip", "email", files.put("vip.csv", "ada@example.com\n"), callbacks.url("r")));

            assertThat(Duration.ofNanos(callbacks.awaitFirst().arrivedNanos() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void withheldCallbacksAreNeverSentButTheSegmentIsStored() {
        insider.faults().neverSendCallbacks();

        upload("vip", files.put("vip.csv", "ada@example.com\n"));

        await().atMost(Duration.ofSeconds(5)).until(() -> eventsOf(InsiderEvent.Kind.CALLBACK_WITHHELD).size() == 1);
        assertThat(insider.segment(PARTNER, "vip")).isPresent();
        assertThat(callbacks.received()).isEmpty();
        assertThat(eventsOf(InsiderEvent.Kind.CALLBACK_ATTEMPTED)).isEmpty();
    }

    private int upload(String segment, URI csv) {
        return client.upload(PARTNER, TOKEN, body(segment, "email", csv, callbacks.url("r"))).statusCode();
    }

    private List<InsiderEvent> eventsOf(InsiderEvent.Kind kind) {
        return insider.events().stream().filter(event -> event.kind() == kind).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

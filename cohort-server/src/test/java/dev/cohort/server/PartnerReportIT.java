package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cohort.server.ServerFixture.Response;
import dev.cohort.server.auth.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs whose partner completes the delivery later, on a real server: the run waits for the partner's report on
 * its own callback URL, takes it once (a repeated report changes nothing, a forged one is refused), survives a
 * restart of the server in between, and fails when no report comes in time. The partner is played by the test
 * destination ({@code partner_timeout_ms}), which lends its file through the server and writes down its
 * callback URL.
 */
class PartnerReportIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORCHESTRATIONS = """
            segment: {query: loyalty_members, destination: partner}
            follower: {query: loyalty_members, destination: outbox, workflow: {after: segment}}
            hurried: {query: loyalty_members, destination: impatient}
            """;
    private static final String DESTINATIONS = """
            partner: {type: test-open, settings: {folder: "%1$s/partner", partner_timeout_ms: 3600000}}
            impatient: {type: test-open, settings: {folder: "%1$s/impatient", partner_timeout_ms: 1500}}
            """;

    @TempDir
    Path root;

    private ServerFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private ServerFixture serve() throws Exception {
        if (fixture == null) {
            fixture = new ServerFixture(root, ORCHESTRATIONS, DESTINATIONS);
        }
        return fixture.start(ServerOptions.defaults().withWorkers(2).withPollInterval(Duration.ofMillis(200))
                .withDrainTimeout(Duration.ofSeconds(5)));
    }

    private JsonNode awaitStatus(long id, String status) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            run[0] = fixture.get("/api/v1/runs/" + id, Role.USER).json();
            return run[0].path("status").asString().equals(status);
        });
        return run[0];
    }

    /** The callback URL and file URL the test partner was given for run {@code id}. */
    private String[] handedOver(String destination, long id) throws Exception {
        Path callbacks = fixture.outbox.resolve(destination).resolve("callbacks.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(callbacks)
                && Files.readAllLines(callbacks).stream().anyMatch(l -> l.startsWith(id + " ")));
        String line = Files.readAllLines(callbacks).stream().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow();
        String[] parts = line.split(" ");
        return new String[] {parts[1], parts[2]};
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long request(String orchestration) {
        Response requested = fixture.post("/api/v1/orchestrations/" + orchestration + "/runs", Role.OPERATOR, null);
        assertThat(requested.status()).isEqualTo(202);
        return requested.json().path("id").asLong();
    }

    @Test
    void aRunWaitsForItsPartnersReportTakesItOnceAndThenStartsItsFollower() throws Exception {
        serve();
        long id = request("segment");

        JsonNode waiting = awaitStatus(id, "WAITING_FOR_PARTNER");
        assertThat(waiting.path("status_label").asString()).isEqualTo("Waiting for partner");
        assertThat(waiting.path("partner").path("waiting_for").asString()).isEqualTo("test partner processing loyalty_members");
        assertThat(waiting.path("finished_at").isNull()).isTrue();
        String[] urls = handedOver("partner", id);
        assertThat(urls[0]).startsWith(fixture.server.url() + "/callbacks/runs/" + id + "/");
        HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(urls[1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body().lines().count()).isEqualTo(waiting.path("rows_sent").asLong() + 1);

        HttpResponse<String> report = post(urls[0], "completed 7 2");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(report.body()).path("recorded").asBoolean()).isTrue();

        JsonNode settled = fixture.get("/api/v1/runs/" + id, Role.USER).json();
        assertThat(settled.path("status").asString()).isEqualTo("COMPLETED_WITH_WARNINGS");
        assertThat(settled.path("partner").path("accepted").asLong()).isEqualTo(7);
        assertThat(settled.path("partner").path("rejected").asLong()).isEqualTo(2);
        assertThat(fixture.get("/api/v1/runs?orchestration=follower", Role.USER).json().path("items")).hasSize(1);

        HttpResponse<String> again = post(urls[0], "failed changed my mind");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(again.body()).path("recorded").asBoolean()).isFalse();
        assertThat(fixture.get("/api/v1/runs/" + id, Role.USER).json().path("status").asString())
                .isEqualTo("COMPLETED_WITH_WARNINGS");
        assertThat(fixture.get("/api/v1/runs?orchestration=follower", Role.USER).json().path("items")).hasSize(1);
        assertThat(fixture.get("/api/v1/notifications", Role.USER).text()).contains("the partner took 7 and could not use 2");
    }

    @Test
    void aForgedOrMalformedReportIsRefusedAndChangesNothing() throws Exception {
        serve();
        long id = request("segment");
        awaitStatus(id, "WAITING_FOR_PARTNER");
        String callback = handedOver("partner", id)[0];
        String base = callback.substring(0, callback.lastIndexOf('/'));

        HttpResponse<String> forged = post(base + "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "completed 1 0");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CALLBACK_FORBIDDEN");
        String otherRun = fixture.server.url() + "/callbacks/runs/" + (id + 1) + callback.substring(callback.lastIndexOf('/'));
        assertThat(post(otherRun, "completed 1 0").statusCode()).isEqualTo(403);
        HttpResponse<String> malformed = post(callback, "{\"valid\": 3}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("CALLBACK_INVALID");

        assertThat(fixture.get("/api/v1/runs/" + id, Role.USER).json().path("status").asString())
                .isEqualTo("WAITING_FOR_PARTNER");
        HttpResponse<String> failed = post(callback, "failed the file had no values");
        assertThat(failed.statusCode()).isEqualTo(200);
        JsonNode run = fixture.get("/api/v1/runs/" + id, Role.USER).json();
        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("error_code").asString()).isEqualTo("PARTNER_FAILED");
        assertThat(run.path("error_message").asString())
                .isEqualTo("test partner processing loyalty_members failed: the file had no values");
        assertThat(fixture.get("/api/v1/runs?orchestration=follower", Role.USER).json().path("items")).isEmpty();
    }

    @Test
    void aReportAfterARestartOfTheServerIsStillTaken() throws Exception {
        serve();
        long id = request("segment");
        awaitStatus(id, "WAITING_FOR_PARTNER");
        String callback = handedOver("partner", id)[0];
        String token = callback.substring(callback.lastIndexOf('/') + 1);
        fixture.close();

        serve();
        assertThat(fixture.get("/api/v1/runs/" + id, Role.USER).json().path("status").asString())
                .isEqualTo("WAITING_FOR_PARTNER");
        HttpResponse<String> report = post(fixture.server.url() + "/callbacks/runs/" + id + "/" + token, "completed 9 0");

        assertThat(report.statusCode()).isEqualTo(200);
        JsonNode run = fixture.get("/api/v1/runs/" + id, Role.USER).json();
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("partner").path("accepted").asLong()).isEqualTo(9);
    }

    @Test
    void aRunWhosePartnerNeverReportsFailsWhenItsWaitRunsOutAndALateReportChangesNothing() throws Exception {
        serve();
        long id = request("hurried");
        String callback = handedOver("impatient", id)[0];

        JsonNode failed = awaitStatus(id, "FAILED");

        assertThat(failed.path("error_code").asString()).isEqualTo("PARTNER_TIMEOUT");
        assertThat(failed.path("error_message").asString()).contains("test partner processing loyalty_members");
        HttpResponse<String> late = post(callback, "completed 1 0");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.JSON.readTree(late.body()).path("recorded").asBoolean()).isFalse();
        assertThat(fixture.get("/api/v1/runs/" + id, Role.USER).json().path("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void aWaitingRunCanBeCancelledAndItsOrchestrationQueuesBehindIt() throws Exception {
        serve();
        long first = request("segment");
        awaitStatus(first, "WAITING_FOR_PARTNER");
        long second = request("segment");

        assertThat(fixture.get("/api/v1/runs/" + second, Role.USER).json().path("status").asString())
                .isEqualTo("WAITING_TO_START");
        assertThat(fixture.post("/api/v1/runs/" + first + "/cancel", Role.OPERATOR, null).status()).isEqualTo(200);
        awaitStatus(second, "WAITING_FOR_PARTNER");
        assertThat(List.of(fixture.get("/api/v1/runs/" + first, Role.USER).json().path("status").asString()))
                .containsExactly("CANCELLED");
    }
}

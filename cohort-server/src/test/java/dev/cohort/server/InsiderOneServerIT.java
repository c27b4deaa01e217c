package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cohort.sandbox.insider.InsiderSegment;
import dev.cohort.sandbox.insider.SandboxInsiderServer;
import dev.cohort.server.ServerFixture.Response;
import dev.cohort.server.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Insider One end to end on real parts: a Cohort server, the {@code insider-one} connector and Cohort's Insider
 * One stand-in on loopback. The stand-in downloads the segment file the server lends and reports on the run's
 * callback URL; the run waits for that and ends with Insider's counts. Orchestrations that cannot work are refused
 * when saved through the API.
 */
class InsiderOneServerIT {
    private static final String PARTNER = "acme-brand";
    private static final String TOKEN = "insider-token-0123456789abcdef";

    @TempDir
    Path root;

    private SandboxInsiderServer insider;
    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        insider = SandboxInsiderServer.builder().port(0).account(PARTNER, TOKEN).callbackDelay(Duration.ofMillis(200)).start();
        Files.createDirectories(root);
        Files.writeString(root.resolve("insider_partner"), "ACME-Brand\n");
        Files.writeString(root.resolve("insider_token"), TOKEN + "\n");
        String destinations = """
                insider_vip:
                  type: insider-one
                  credential: insider
                  pii_allowed: true
                  settings: {segment_name: vip-customers, attribute: email, base_url: "%s"}
                insider_wrong_token:
                  type: insider-one
                  credential: insider_wrong
                  pii_allowed: true
                  settings: {segment_name: vip-customers, attribute: email, base_url: "%s"}
                """.formatted(insider.url(), insider.url()).replace("%", "%%");
        String credentials = """
                credentials:
                  insider:
                    type: insider-one
                    values: {partner_name: "${file:insider_partner}", api_token: "${file:insider_token}"}
                  insider_wrong:
                    type: insider-one
                    values: {partner_name: "${file:insider_partner}", api_token: "${file:insider_partner}"}
                """;
        fixture = new ServerFixture(root, "raw: {query: loyalty_members, destination: outbox}", destinations, credentials)
                .start(ServerOptions.defaults().withWorkers(2).withPollInterval(Duration.ofMillis(200)));
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (insider != null) {
            insider.close();
        }
    }

    private Response put(String path, String json) {
        return fixture.send("PUT", "/api/v1/" + path, Role.OPERATOR, json);
    }

    private JsonNode awaitEnded(long id) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            run[0] = fixture.get("/api/v1/runs/" + id, Role.USER).json();
            return !List.of("WAITING_TO_START", "RUNNING", "WAITING_FOR_PARTNER").contains(run[0].path("status").asString());
        });
        return run[0];
    }

    @Test
    void aSegmentIsSentFetchedByInsiderAndTheRunEndsWithInsidersCounts() {
        assertThat(put("queries/vip_emails", "{\"sql\": \"SELECT email FROM customer_360 UNION ALL SELECT 'not-an-address'"
                + " AS email\", \"status\": \"active\"}").status()).isEqualTo(200);
        assertThat(put("orchestrations/vip_to_insider", "{\"query\": \"vip_emails\", \"destination\": \"insider_vip\"}")
                .status()).isEqualTo(200);

        long id = fixture.post("/api/v1/orchestrations/vip_to_insider/runs", Role.OPERATOR, null).json().path("id").asLong();
        JsonNode run = awaitEnded(id);

        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("COMPLETED_WITH_WARNINGS");
        assertThat(run.path("rows_read").asLong()).isEqualTo(41);
        // The scaffold's customers hold one address that is not one ("not-an-email"); the query adds another.
        assertThat(run.path("rows_sent").asLong()).isEqualTo(39);
        assertThat(run.path("rejections").findValuesAsString("reason")).hasSize(2)
                .allMatch(reason -> reason.startsWith("field email: not a valid e-mail address"));
        assertThat(run.path("rejections").toString()).doesNotContain("not-an-address").doesNotContain("not-an-email");
        assertThat(run.path("partner").path("waiting_for").asString()).isEqualTo("Insider One processing segment 'vip-customers'");
        assertThat(run.path("partner").path("accepted").asLong()).isEqualTo(39);
        assertThat(run.path("partner").path("rejected").asLong()).isZero();
        InsiderSegment segment = insider.segment(PARTNER, "vip-customers").orElseThrow();
        assertThat(segment.values()).hasSize(39).contains("amelia.davis1@example.com", "jacob.hall5@example.com",
                "emma.young7@example.com").allMatch(v -> v.equals(v.strip().toLowerCase(java.util.Locale.ROOT)));
        assertThat(insider.requestCounts(PARTNER).rateLimited()).isZero();
    }

    @Test
    void anOrchestrationWhoseQueryIsNotOneAttributeColumnOrWhoseSegmentIsTakenIsRefusedWhenSaved() {
        Response twoColumns = put("orchestrations/wide", "{\"query\": \"loyalty_members\", \"destination\": \"insider_vip\"}");
        assertThat(twoColumns.status()).as(twoColumns.text()).isEqualTo(400);
        assertThat(twoColumns.errorMessage()).contains("exactly one column named email").contains("customer_id, loyalty_id");
        assertThat(fixture.get("/api/v1/orchestrations/wide", Role.USER).status()).isEqualTo(404);

        put("queries/vip_emails", "{\"sql\": \"SELECT email FROM customer_360\", \"status\": \"active\"}");
        assertThat(put("orchestrations/first", "{\"query\": \"vip_emails\", \"destination\": \"insider_vip\"}").status())
                .isEqualTo(200);
        Response taken = put("orchestrations/second", "{\"query\": \"vip_emails\", \"destination\": \"insider_vip\"}");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.errorMessage()).contains("segment 'vip-customers' is already sent by orchestration first");
    }

    @Test
    void aWrongTokenFailsTheRunNamingTheCredentialValuesAndNothingWaits() {
        put("queries/vip_emails", "{\"sql\": \"SELECT email FROM customer_360\", \"status\": \"active\"}");
        assertThat(put("orchestrations/wrong", "{\"query\": \"vip_emails\", \"destination\": \"insider_wrong_token\"}")
                .status()).isEqualTo(200);

        long id = fixture.post("/api/v1/orchestrations/wrong/runs", Role.OPERATOR, null).json().path("id").asLong();
        JsonNode run = awaitEnded(id);

        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("error_code").asString()).isEqualTo("INSIDER_BAD_API_KEY");
        assertThat(run.path("error_message").asString()).contains("check credential values partner_name and api_token")
                .doesNotContain("acme");
        assertThat(run.path("partner").isNull()).isTrue();
        assertThat(insider.segment(PARTNER, "vip-customers")).isEmpty();
    }
}

package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cohort.server.ServerFixture.Response;
import dev.cohort.server.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The server on real parts: HTTP on loopback, the run queue on SQLite, DuckDB, a destination writing to a folder. */
class CohortServerIT {
    private static final String ORCHESTRATIONS = """
            contacts: {query: loyalty_members, destination: outbox, data_template: hashed_contacts}
            raw: {query: loyalty_members, destination: outbox}
            nightly: {query: loyalty_members, destination: outbox, workflow: {schedule: "0 2 * * *", time_zone: Europe/Paris}}
            follower: {query: loyalty_members, destination: elsewhere, data_template: hashed_contacts, workflow: {after: raw}}
            solo: {query: loyalty_members, destination: outbox}
            exclusive: {query: loyalty_members, destination: outbox, when_running: refuse}
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

    private ServerFixture serve(int workers) throws Exception {
        fixture = new ServerFixture(root, ORCHESTRATIONS, "elsewhere: {type: test-open, settings: {folder: \"%s/elsewhere\"}}").start(ServerOptions.defaults().withWorkers(workers)
                .withPollInterval(Duration.ofMillis(200)).withDrainTimeout(Duration.ofSeconds(5)));
        return fixture;
    }

    private JsonNode awaitFinished(long id) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            run[0] = fixture.get("/api/v1/runs/" + id, Role.USER).json();
            return !List.of("WAITING_TO_START", "RUNNING").contains(run[0].path("status").asString());
        });
        return run[0];
    }

    @Test
    void anOperatorRunsAnOrchestrationThroughTheQueueAndTheFeedTellsAboutIt() throws Exception {
        serve(2);

        Response requested = fixture.post("/api/v1/orchestrations/solo/runs", Role.OPERATOR, null);

        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().path("status").asString()).isEqualTo("WAITING_TO_START");
        assertThat(requested.json().path("trigger").asString()).isEqualTo("api by token:operator");
        JsonNode finished = awaitFinished(requested.json().path("id").asLong());
        assertThat(finished.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.path("rows_sent").asLong()).isEqualTo(40);
        assertThat(finished.path("files").path(0).path("name").asString()).isEqualTo("loyalty_members.csv");
        assertThat(Files.readAllLines(fixture.outbox.resolve("loyalty_members.csv"))).hasSize(41);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> levels = new ArrayList<>();
            fixture.get("/api/v1/notifications", Role.USER).json().path("items").forEach(n -> levels.add(n.path("level").asString()));
            assertThat(levels).containsExactly("COMPLETED", "RUNNING");
            assertThat(fixture.get("/metrics", null).text()).contains("cohort_run_duration_seconds_count{status=\"COMPLETED\"} 1")
                    .contains("cohort_runs_finished_total{status=\"COMPLETED\"} 1.0").contains("cohort_rows_sent_total 40.0");
        });
        JsonNode orchestration = fixture.get("/api/v1/orchestrations/solo", Role.USER).json();
        assertThat(orchestration.path("last_run").path("id").asLong()).isEqualTo(requested.json().path("id").asLong());
    }

    @Test
    void aUserMaySendATestRunButNotAFullRun() throws Exception {
        serve(1);

        Response full = fixture.post("/api/v1/orchestrations/raw/runs", Role.USER, null);
        assertThat(full.status()).isEqualTo(403);
        assertThat(full.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(full.errorMessage()).contains("needs the Operator role").contains("token:user is User");

        Response test = fixture.post("/api/v1/orchestrations/raw/test-runs", Role.USER, "{\"rows\": 5}");
        assertThat(test.status()).isEqualTo(202);
        JsonNode finished = awaitFinished(test.json().path("id").asLong());
        assertThat(finished.path("test").asBoolean()).isTrue();
        assertThat(finished.path("rows_sent").asLong()).isEqualTo(5);
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedAndHealthIsPublic() throws Exception {
        serve(1);

        Response none = fixture.get("/api/v1/runs", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(none.errorMessage()).contains("Authorization: Bearer");

        Response wrong = fixture.send("GET", "/api/v1/runs", null, null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(fixture.get("/healthz", null).status()).isEqualTo(200);
        assertThat(fixture.get("/readyz", null).json().path("status").asString()).isEqualTo("ready");
        Response metrics = fixture.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("cohort_runs_waiting");
    }

    @Test
    void badRequestsSayWhatIsWrongAndWhere() throws Exception {
        serve(0);

        Response malformed = fixture.post("/api/v1/orchestrations/raw/test-runs", Role.USER, "{\"rows\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("MALFORMED_JSON");

        Response unknown = fixture.post("/api/v1/orchestrations/raw/test-runs", Role.USER, "{\"row\": 5}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("UNKNOWN_FIELD");
        assertThat(unknown.errorMessage()).contains("'row'").contains("rows");

        Response wrongType = fixture.post("/api/v1/orchestrations/raw/test-runs", Role.USER, "{\"rows\": \"five\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorCode()).isEqualTo("WRONG_TYPE");
        assertThat(wrongType.json().path("errors").path(0).path("field").asString()).isEqualTo("rows");

        Response missing = fixture.post("/api/v1/orchestrations/contcts/runs", Role.OPERATOR, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorMessage()).contains("did you mean 'contacts'");

        Response badLimit = fixture.get("/api/v1/runs?limit=abc", Role.USER);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().path("errors").path(0).path("field").asString()).isEqualTo("limit");

        assertThat(fixture.get("/api/v1/nothing-here", Role.USER).errorCode()).isEqualTo("NO_SUCH_ROUTE");
    }

    @Test
    void aWaitingRunCanBeCancelledAndAnEndedOneCannot() throws Exception {
        serve(0);
        long id = fixture.post("/api/v1/orchestrations/raw/runs", Role.OPERATOR, null).json().path("id").asLong();

        Response cancelled = fixture.post("/api/v1/runs/" + id + "/cancel", Role.OPERATOR, "{\"reason\": \"wrong week\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("error_message").asString()).isEqualTo("cancelled by token:operator: wrong week");
        Response again = fixture.post("/api/v1/runs/" + id + "/cancel", Role.OPERATOR, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("RUN_ALREADY_ENDED");
    }

    @Test
    void automaticOrchestrationsShowTheirNextRunInTheirTimeZone() throws Exception {
        serve(0);

        JsonNode nightly = fixture.get("/api/v1/orchestrations/nightly", Role.USER).json();

        assertThat(nightly.path("workflow").path("kind").asString()).isEqualTo("automatic");
        assertThat(nightly.path("workflow").path("time_zone").asString()).isEqualTo("Europe/Paris");
        java.time.ZonedDateTime next = java.time.Instant.parse(nightly.path("workflow").path("next_run_at").asString())
                .atZone(java.time.ZoneId.of("Europe/Paris"));
        assertThat(next.getHour()).isEqualTo(2);
        assertThat(next.getMinute()).isZero();
    }

    @Test
    void objectsAreListedAsWrittenInTheWorkspaceWithoutSecretValues() throws Exception {
        serve(0);

        JsonNode queries = fixture.get("/api/v1/queries", Role.USER).json();
        assertThat(queries.path("items").findValuesAsString("name")).contains("loyalty_members");
        JsonNode destination = fixture.get("/api/v1/destinations/outbox", Role.USER).json();
        assertThat(destination.path("spec").path("type").asString()).isEqualTo("test-open");
    }

    @Test
    void operatorsActivateAndPreviewQueriesAndTestDestinations() throws Exception {
        serve(0);

        Response activated = fixture.post("/api/v1/queries/loyalty_members/activate", Role.OPERATOR, null);
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().path("status").asString()).isEqualTo("active");
        assertThat(activated.json().path("columns").findValuesAsString("name")).contains("customer_id", "email");

        Response preview = fixture.post("/api/v1/queries/loyalty_members/preview", Role.OPERATOR,
                "{\"limit\": 3, \"data_template\": \"hashed_contacts\"}");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("rows")).hasSize(3);
        assertThat(preview.json().path("truncated").asBoolean()).isTrue();
        assertThat(preview.json().path("columns").findValuesAsString("name")).contains("email_sha256");
        assertThat(fixture.post("/api/v1/queries/loyalty_members/preview", Role.USER, "{}").status())
                .as("customer data is for Operators").isEqualTo(403);

        Response test = fixture.post("/api/v1/destinations/outbox/test", Role.OPERATOR, null);
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().path("ok").asBoolean()).isTrue();
        assertThat(test.json().path("steps").path(0).path("message").asString()).isEqualTo("writable");

        assertThat(fixture.post("/api/v1/queries/nope/activate", Role.OPERATOR, null).status()).isEqualTo(404);
    }

    @Test
    void anOrchestrationAfterAnotherRunsWhenAFullRunOfItCompletes() throws Exception {
        serve(2);

        long test = fixture.post("/api/v1/orchestrations/raw/test-runs", Role.USER, "{\"rows\": 3}").json().path("id").asLong();
        awaitFinished(test);
        long full = fixture.post("/api/v1/orchestrations/raw/runs", Role.OPERATOR, null).json().path("id").asLong();
        awaitFinished(full);

        JsonNode followers = fixture.get("/api/v1/runs?orchestration=follower", Role.USER).json().path("items");
        assertThat(followers).as("a test run starts nothing; the full run starts the follower once").hasSize(1);
        assertThat(followers.path(0).path("trigger").asString()).isEqualTo("after run " + full + " of raw");
        JsonNode follower = awaitFinished(followers.path(0).path("id").asLong());
        assertThat(follower.path("status").asString()).startsWith("COMPLETED");
        assertThat(fixture.get("/api/v1/orchestrations/follower", Role.USER).json().path("workflow").path("after").asString())
                .isEqualTo("raw");
    }

    @Test
    void aRequestForABusyOrchestrationIsRefusedWhenItsPolicySaysSo() throws Exception {
        serve(0);
        long first = fixture.post("/api/v1/orchestrations/exclusive/runs", Role.OPERATOR, null).json().path("id").asLong();

        Response second = fixture.post("/api/v1/orchestrations/exclusive/runs", Role.OPERATOR, null);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("ORCHESTRATION_BUSY");
        assertThat(second.errorMessage()).contains("already has run " + first + " (Waiting to start)").contains("'refuse'");
        Response queued = fixture.post("/api/v1/orchestrations/raw/runs", Role.OPERATOR, null);
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.json().path("note").isNull()).isTrue();
        Response behind = fixture.post("/api/v1/orchestrations/raw/runs", Role.OPERATOR, null);
        assertThat(behind.status()).as("queue is the default").isEqualTo(202);
        assertThat(behind.json().path("note").asString()).isEqualTo("waits behind run " + queued.json().path("id").asLong()
                + " (Waiting to start): runs of one orchestration never overlap");
    }

    @Test
    void operatorsWriteQueriesTemplatesAndOrchestrationsWithApplysRules() throws Exception {
        serve(1);

        Response query = fixture.send("PUT", "/api/v1/queries/gold_members", Role.OPERATOR,
                "{\"sql\": \"SELECT * FROM customers WHERE tier = 'gold'\", \"status\": \"active\"}");
        assertThat(query.status()).as(query.text()).isEqualTo(200);
        assertThat(query.json().path("changes").path(0).asString()).startsWith("+ query gold_members");
        assertThat(query.json().path("problems")).isEmpty();

        Response orchestration = fixture.send("PUT", "/api/v1/orchestrations/gold", Role.OPERATOR,
                "{\"query\": \"gold_members\", \"destination\": \"outbox\"}");
        assertThat(orchestration.status()).as(orchestration.text()).isEqualTo(200);
        long run = fixture.post("/api/v1/orchestrations/gold/runs", Role.OPERATOR, null).json().path("id").asLong();
        assertThat(awaitFinished(run).path("status").asString()).isEqualTo("COMPLETED");

        Response broken = fixture.send("PUT", "/api/v1/orchestrations/broken", Role.OPERATOR,
                "{\"query\": \"gold_membrs\", \"destination\": \"outbx\", \"workflow\": \"sometimes\", \"colour\": 1}");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("errors").findValuesAsString("field")).containsExactly("workflow", "colour");
        Response dangling = fixture.send("PUT", "/api/v1/orchestrations/broken", Role.OPERATOR,
                "{\"query\": \"gold_membrs\", \"destination\": \"outbx\"}");
        assertThat(dangling.status()).isEqualTo(400);
        assertThat(dangling.json().path("errors").findValuesAsString("field"))
                .containsExactly("orchestrations.broken.query", "orchestrations.broken.destination");
        assertThat(dangling.text()).contains("did you mean 'gold_members'").contains("did you mean 'outbox'");

        Response badSql = fixture.send("PUT", "/api/v1/queries/gold_members", Role.OPERATOR,
                "{\"sql\": \"SELECT nothing FROM customers\", \"status\": \"active\"}");
        assertThat(badSql.status()).isEqualTo(200);
        assertThat(badSql.json().path("problems").path(0).path("message").asString()).contains("stays draft");

        Response inUse = fixture.send("DELETE", "/api/v1/destinations/outbox", Role.ADMINISTRATOR, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.errorMessage()).contains("is used by orchestrations").contains("gold").contains("raw");
        assertThat(fixture.send("DELETE", "/api/v1/destinations/outbox", Role.OPERATOR, null).status()).isEqualTo(403);
        assertThat(fixture.send("PUT", "/api/v1/queries/x", Role.USER, "{}").status()).isEqualTo(403);

        assertThat(fixture.send("DELETE", "/api/v1/orchestrations/gold", Role.OPERATOR, null).status()).isEqualTo(204);
        assertThat(fixture.get("/api/v1/orchestrations/gold", Role.USER).status()).isEqualTo(404);
    }

    @Test
    void administratorsSetCredentialsWhoseValuesAreNeverShownAgain() throws Exception {
        serve(0);

        Response created = fixture.send("PUT", "/api/v1/credentials/partner_login", Role.ADMINISTRATOR,
                "{\"type\": \"sftp\", \"values\": {\"password\": \"s3cret-value-123\"}}");

        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().path("values").path(0).asString()).isEqualTo("password");
        assertThat(created.text()).doesNotContain("s3cret");
        Response read = fixture.get("/api/v1/credentials/partner_login", Role.USER);
        assertThat(read.json().path("spec").path("values").path("password").asString()).isEqualTo("${stored}");
        assertThat(read.text()).doesNotContain("s3cret");
        try (var files = java.nio.file.Files.list(fixture.root.resolve(".cohort"))) {
            for (java.nio.file.Path file : files.filter(p -> p.getFileName().toString().startsWith("metadata")).toList()) {
                assertThat(new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("sealed in %s", file.getFileName()).doesNotContain("s3cret-value-123");
            }
        }
        assertThat(fixture.send("PUT", "/api/v1/credentials/partner_login", Role.OPERATOR,
                "{\"type\": \"sftp\", \"values\": {\"password\": \"x\"}}").status()).isEqualTo(403);

        Response bad = fixture.send("PUT", "/api/v1/credentials/other", Role.ADMINISTRATOR, "{\"values\": {\"Pass Word\": \"\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("type", "values.Pass Word");

        assertThat(fixture.send("DELETE", "/api/v1/credentials/partner_login", Role.ADMINISTRATOR, null).status()).isEqualTo(204);
    }
}

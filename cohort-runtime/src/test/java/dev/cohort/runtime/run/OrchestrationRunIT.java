package dev.cohort.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.Problem;
import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.model.ValidationException;
import dev.cohort.runtime.store.MetadataStores;
import dev.cohort.runtime.workspace.ApplyListener;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.runtime.workspace.WorkspaceScaffold;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orchestration runs end to end: the init scaffold's data, DuckDB, SQLite, and a destination writing to a folder. */
class OrchestrationRunIT {
    @TempDir
    Path root;

    private Path outbox;
    private WorkspaceHome home;

    @BeforeEach
    void workspace() throws IOException {
        WorkspaceScaffold.create(root, "acme");
        outbox = root.resolve("outbox");
        home = WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(".cohort/metadata.db")));
        withDestination("");
    }

    private void withDestination(String extraSettings) throws IOException {
        Path yaml = root.resolve("cohort.yaml");
        String text = Files.readString(yaml);
        int cut = text.indexOf("\n# destinations:");
        text = (cut < 0 ? text.substring(0, text.indexOf("\ndestinations:")) : text.substring(0, cut)) + """

                destinations:
                  outbox: {type: test-open, settings: {folder: "%s"%s}}
                  layout: {type: test-fixed-layout, settings: {folder: "%s"}}
                  encoded: {type: test-open, settings: {folder: "%s/encoded", encoded: true}}
                orchestrations:
                  contacts: {query: loyalty_members, destination: outbox, data_template: hashed_contacts}
                  raw: {query: loyalty_members, destination: outbox, on_interruption: run_again}
                  exported: {export: [customers, orders], destination: outbox}
                  fast: {query: loyalty_members, destination: encoded, data_template: in_sql}
                  explodes: {query: explodes, destination: encoded}
                  koupon_like: {query: loyalty_members, destination: layout, data_template: layout}
                """.formatted(outbox, extraSettings, outbox.resolve("layout"), outbox);
        text = text.contains("\n  explodes:\n") ? text : text.replace("queries:\n", """
                queries:
                  explodes:
                    sql: "SELECT i FROM range(300000) t(i) WHERE CASE WHEN i < 200000 THEN true ELSE error('boom') END"
                    status: active
                """);
        text = text.contains("\n  layout:\n") ? text : text.replace("data_templates:\n", """
                data_templates:
                  in_sql:
                    fields:
                      - {name: id, column: customer_id}
                      - {name: email_sha256, expression: "lower(trim(email))", transforms: [sha256]}
                      - {name: name, expression: "first_name || ', ' || last_name"}
                  layout:
                    destination_type: test-fixed-layout
                    fields:
                      - {name: ROW_ID, column: customer_id}
                      - {name: EMAIL, column: email, transforms: [email]}
                """);
        Files.writeString(yaml, text);
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
            assertThat(service.apply(service.plan(files), ApplyListener.SILENT).problems()).isEmpty();
        }
    }

    private Run run(String orchestration, Long testRows) {
        return run(orchestration, testRows, RunListener.SILENT);
    }

    private Run run(String orchestration, Long testRows, RunListener listener) {
        try (WorkspaceService service = WorkspaceService.open(home, Map.of())) {
            return service.run(orchestration, testRows, listener);
        }
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(outbox.resolve(file));
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aRunDeliversTheShapedRowsAndRecordsItsRejections() throws IOException {
        Run run = run("contacts", null);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
        assertThat(run.counts().rowsRead()).isEqualTo(40);
        assertThat(run.counts().rowsSent() + run.counts().rowsRejected()).isEqualTo(40);
        assertThat(run.rejections()).isNotEmpty().allSatisfy(r -> assertThat(r.reason()).startsWith("field "));
        assertThat(run.files()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("loyalty_members.csv");
            assertThat(file.rows()).isEqualTo(run.counts().rowsSent());
            assertThat(file.sha256()).hasSize(64);
        });
        List<String> lines = lines("loyalty_members.csv");
        assertThat(lines.getFirst()).isEqualTo("customer_id,email_sha256,phone_e164,full_name,source");
        assertThat(lines).hasSize((int) run.counts().rowsSent() + 1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTemplateThatRunsEntirelyInSqlStreamsTheEnginesCsv() throws IOException {
        Run run = run("fast", null);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.counts().rowsRead()).isEqualTo(40);
        assertThat(run.counts().rowsSent()).isEqualTo(40);
        List<String> lines = Files.readAllLines(outbox.resolve("encoded/loyalty_members.csv"));
        assertThat(lines).hasSize(41);
        assertThat(lines.getFirst()).isEqualTo("id,email_sha256,name");
        assertThat(lines.get(1)).matches("C\\d{6},[0-9a-f]{64},\"[A-Za-z]+, [A-Za-z]+\"");
        assertThat(run.files()).singleElement().extracting(f -> f.rows()).isEqualTo(40L);
    }

    @Test
    void aQueryFailingMidStreamPublishesNothingOnTheFastPath() throws IOException {
        Run run = run("explodes", null);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorMessage()).contains("boom");
        assertThat(Files.exists(outbox.resolve("encoded/explodes.csv"))).isFalse();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aTestRunSendsOnlyTheFirstRows() throws IOException {
        Run run = run("raw", 5L);

        assertThat(run.isTest()).isTrue();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.counts().rowsSent()).isEqualTo(5);
        assertThat(lines("loyalty_members.csv")).hasSize(6);
    }

    @Test
    void aFixedLayoutGetsEveryFieldInOrderWithBlanks() throws IOException {
        Run run = run("koupon_like", null);

        assertThat(run.status()).isIn(RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_WARNINGS);
        List<String> lines = Files.readAllLines(outbox.resolve("layout/loyalty_members.csv"));
        assertThat(lines.getFirst()).isEqualTo("ROW_ID,EMAIL,PHONE,CUSTOMFIELD1");
        assertThat(lines.get(1)).matches("C\\d{6},[^,]*@[^,]*,,");
    }

    @Test
    void aDatabaseExportWritesOneFilePerTable() throws IOException {
        Run run = run("exported", null);

        assertThat(run.files()).extracting(f -> f.name()).containsExactly("customers.csv", "orders.csv");
        assertThat(lines("orders.csv")).hasSize(75);
        assertThat(run.counts().rowsSent()).isEqualTo(40 + 74);
    }

    @Test
    void aTemporaryFailureIsRetriedPerPolicyThenFailsLeavingNothingBehind() throws IOException {
        withDestination(", fail_on_row: 7");
        List<Integer> retries = new java.util.ArrayList<>();
        Run run = run("raw", null, new RunListener() {
            @Override
            public void retrying(int failedAttempt, String error, Duration wait) {
                retries.add(failedAttempt);
            }
        });

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.attempts()).isEqualTo(3);
        assertThat(retries).containsExactly(1, 2);
        assertThat(run.errorMessage()).isEqualTo("injected failure at row 7 (after 3 attempts)");
        assertThat(run.errorCode()).isEqualTo("TEST_INJECTED_FAILURE");
        assertThat(Files.exists(outbox.resolve("loyalty_members.csv"))).isFalse();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aCancelledRunPublishesNothing() throws IOException {
        Run run = run("raw", null, new RunListener() {
            @Override
            public boolean cancelRequested() {
                return true;
            }
        });

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(Files.exists(outbox.resolve("loyalty_members.csv"))).isFalse();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aRunOfADraftQueryFailsWithTheReason() throws IOException {
        Path yaml = root.resolve("cohort.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace(
                "sql_file: sql/queries/loyalty_members.sql\n    status: active",
                "sql_file: sql/queries/loyalty_members.sql\n    status: draft"));
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
            service.apply(service.plan(files), ApplyListener.SILENT);
        }
        Run run = run("raw", null);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.errorMessage()).isEqualTo("orchestration raw cannot run: its query loyalty_members is a draft;"
                + " only an active query can be sent");
    }

    @Test
    void aRunLeftRunningByADeadProcessIsFailedWhenTheWorkspaceOpensAgain() {
        long id;
        try (var store = MetadataStores.open(home.metadataUrl())) {
            long workspace = store.findWorkspace("acme").orElseThrow().id();
            var runs = store.runs(workspace);
            Run run = runs.create("contacts", null, "cli", Instant.now().minusSeconds(600));
            runs.start(run.id(), "gone:1", Instant.now().minusSeconds(600));
            id = run.id();
        }
        try (WorkspaceService service = WorkspaceService.open(home, Map.of())) {
            Run interrupted = service.runById(id);
            assertThat(service.runs("contacts", 5)).as("contacts fails interrupted runs, no re-run").hasSize(1);
            assertThat(interrupted.status()).isEqualTo(RunStatus.FAILED);
            assertThat(interrupted.errorCode()).isEqualTo("RUN_INTERRUPTED");
            assertThat(interrupted.errorMessage()).startsWith("the process running it (").contains(") stopped");
        }
    }

    @Test
    void anInterruptedRunOfARunAgainOrchestrationWaitsAndTheNextRunTakesIt() throws IOException {
        long interrupted;
        try (var store = MetadataStores.open(home.metadataUrl())) {
            var runs = store.runs(store.findWorkspace("acme").orElseThrow().id());
            Run run = runs.create("raw", 5L, "cli", Instant.now().minusSeconds(600));
            runs.start(run.id(), "gone:1", Instant.now().minusSeconds(600));
            interrupted = run.id();
        }
        try (WorkspaceService service = WorkspaceService.open(home, Map.of())) {
            assertThat(service.runs("raw", 5)).extracting(Run::status, Run::trigger).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(RunStatus.WAITING_TO_START, "rerun of run " + interrupted),
                    org.assertj.core.groups.Tuple.tuple(RunStatus.FAILED, "cli"));
        }
        Run rerun = run("raw", 5L);

        assertThat(rerun.trigger()).isEqualTo("rerun of run " + interrupted);
        assertThat(rerun.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(lines("loyalty_members.csv")).hasSize(6);
    }

    @Test
    void destinationSettingsAreCheckedWhenApplied() {
        assertThatThrownBy(() -> withDestination(", fail_on_row: soon, colour: red"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                                .contains("(destinations.outbox.settings.fail_on_row): expected a whole number, not 'soon'"))
                        .anySatisfy(p -> assertThat(p).contains("(destinations.outbox.settings.colour): unknown setting")));
    }
}

package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.Problem;
import dev.cohort.model.QueryStatus;
import dev.cohort.model.ValidationException;
import dev.cohort.runtime.secret.SecretException;
import dev.cohort.runtime.store.MetadataStores;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.workspace.PlannedChange.Action;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cohort apply} end to end on the real DuckDB engine and a SQLite store, from the init scaffold. */
class WorkspaceApplyIT {
    @TempDir
    Path root;

    private final Map<String, String> environment = new HashMap<>();
    private WorkspaceHome home;

    @BeforeEach
    void scaffold() {
        WorkspaceScaffold.create(root, "acme");
        home = WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(".cohort/metadata.db")));
    }

    private ApplyResult apply() {
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), environment)) {
            return service.apply(service.plan(files), ApplyListener.SILENT);
        }
    }

    private Plan plan() {
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), environment)) {
            return service.plan(files);
        }
    }

    private WorkspaceService open() {
        return WorkspaceService.open(home, environment);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = root.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(root.resolve(file), Files.readString(root.resolve(file)) + text);
    }

    @Test
    void theScaffoldAppliesAndASecondApplyChangesNothing() {
        Plan first = plan();
        assertThat(first.changes()).extracting(PlannedChange::toString).containsExactly(
                "+ table customers (load data/customers.csv)",
                "+ table orders (load data/orders.csv)",
                "+ table customer_360 (build from sql/tables/customer_360.sql)",
                "+ query loyalty_members (validate and activate)",
                "+ query birthdays_next_month (validate and activate)",
                "+ data template hashed_contacts");

        ApplyResult result = apply();

        assertThat(result.problems()).isEmpty();
        assertThat(result.applied()).hasSize(6);
        assertThat(plan().isEmpty()).as("second plan").isTrue();
        try (WorkspaceService service = open()) {
            assertThat(service.tables()).extracting(TableSummary::name, TableSummary::rowCount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("customer_360", 40L),
                            org.assertj.core.groups.Tuple.tuple("customers", 40L),
                            org.assertj.core.groups.Tuple.tuple("orders", 74L));
            assertThat(service.queries()).allSatisfy(q -> assertThat(q.status()).isEqualTo(QueryStatus.ACTIVE));
            assertThat(service.previewQuery("loyalty_members", 3).rows()).hasSize(3);
        }
    }

    @Test
    void aChangedDataFileReloadsItsTableAndRebuildsWhatReadsIt() throws IOException {
        apply();
        append("data/orders.csv", "O9999999,C000001,2026-11-01,web,10.00\n");
        Files.setLastModifiedTime(root.resolve("data/orders.csv"), FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(plan().changes()).extracting(PlannedChange::toString).containsExactly(
                "↻ table orders (data/orders.csv changed)",
                "↻ table customer_360 (reads orders, which changes)",
                "↻ query loyalty_members (validate again: its tables change)",
                "↻ query birthdays_next_month (validate again: its tables change)");
        apply();
        try (WorkspaceService service = open()) {
            assertThat(service.tables()).filteredOn(t -> t.name().equals("orders")).singleElement()
                    .extracting(TableSummary::rowCount).isEqualTo(75L);
        }
    }

    @Test
    void removingAQueryFromTheFilesRemovesIt() throws IOException {
        apply();
        edit("cohort.yaml", """
                  birthdays_next_month:
                    sql_file: sql/queries/birthdays_next_month.sql
                    status: active
                """, "");
        Plan plan = plan();
        assertThat(plan.removals()).extracting(PlannedChange::toString).containsExactly("- query birthdays_next_month");
        apply();
        try (WorkspaceService service = open()) {
            assertThat(service.queries()).extracting(QuerySummary::name).containsExactly("loyalty_members");
        }
    }

    @Test
    void aQueryOnAnUnknownTableIsRefusedWithItsLineBeforeAnythingChanges() throws IOException {
        Files.writeString(root.resolve("sql/queries/loyalty_members.sql"), "SELECT * FROM custmers");
        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                        "cohort.yaml:37:3 (queries.loyalty_members): query 'loyalty_members' reads table 'custmers',"
                                + " which is not in the workspace; did you mean 'customers'?"));
        assertThat(Files.exists(root.resolve(".cohort/customer360.duckdb"))).isTrue();
        try (var store = MetadataStores.open(home.metadataUrl())) {
            long id = store.findWorkspace("acme").orElseThrow().id();
            assertThat(store.objects(id).list(ObjectKind.TABLE)).isEmpty();
        }
    }

    @Test
    void aQueryWhoseSqlFailsStaysDraftWithTheEnginesMessage() throws IOException {
        Files.writeString(root.resolve("sql/queries/loyalty_members.sql"), "SELECT emial FROM customers");
        ApplyResult result = apply();
        assertThat(result.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("query loyalty_members stays draft: ")
                .contains("emial").contains("email");
        try (WorkspaceService service = open()) {
            QuerySummary query = service.queries().stream().filter(q -> q.name().equals("loyalty_members")).findFirst().orElseThrow();
            assertThat(query.status()).isEqualTo(QueryStatus.DRAFT);
            assertThat(query.error()).contains("emial");
        }
        assertThat(plan().changes()).extracting(PlannedChange::toString)
                .containsExactly("↻ query loyalty_members (validate again: it failed last time)");
    }

    @Test
    void sqlTablesThatReadEachOtherAreACycle() throws IOException {
        Files.writeString(root.resolve("sql/tables/a.sql"), "SELECT * FROM b");
        Files.writeString(root.resolve("sql/tables/b.sql"), "SELECT * FROM a");
        edit("cohort.yaml", "tables:\n", "tables:\n  a: {sql_file: sql/tables/a.sql}\n  b: {sql_file: sql/tables/b.sql}\n");
        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.problems()).extracting(Problem::message).containsExactly(
                        "SQL tables read each other in a cycle (a → b → a): one of them must read a loaded table instead"));
    }

    @Test
    void aBadCsvRowStopsTheApplyWithItsLineAndKeepsTheOldTable() throws IOException {
        apply();
        append("data/customers.csv", "C000041,L1,Ann,Lee,ann@example.com,,1 Main St,Austin,TX,78701,not-a-date,5,Gold\n");
        Files.setLastModifiedTime(root.resolve("data/customers.csv"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ApplyFailedException.class, e -> {
            assertThat(e.failed().name()).isEqualTo("customers");
            assertThat(e.getMessage()).contains("line 42").contains("birth_date").doesNotContain("not-a-date");
        });
        try (WorkspaceService service = open()) {
            assertThat(service.tables()).filteredOn(t -> t.name().equals("customers")).singleElement()
                    .extracting(TableSummary::rowCount).isEqualTo(40L);
        }
    }

    @Test
    void credentialsAreStoredEncryptedAndExportedAsReferences() throws IOException {
        append("cohort.yaml", """
                credentials:
                  partner:
                    type: sftp
                    values: {password: "${env:PARTNER_PASSWORD}"}
                """);
        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.problems()).extracting(Problem::message).containsExactly(
                        "environment variable PARTNER_PASSWORD is not set (value 'password' of credential 'partner'):"
                                + " set it before applying, e.g. export PARTNER_PASSWORD=…"));

        environment.put("PARTNER_PASSWORD", "correct horse battery staple");
        apply();
        assertThat(plan().isEmpty()).isTrue();
        byte[] database = Files.readAllBytes(root.resolve(".cohort/metadata.db"));
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain("correct horse");

        environment.put("PARTNER_PASSWORD", "another one");
        assertThat(plan().changes()).extracting(PlannedChange::toString).containsExactly("~ credential partner (values changed)");

        try (WorkspaceService service = open()) {
            List<Path> files = service.export(root.resolve("export"));
            String yaml = Files.readString(files.getFirst());
            assertThat(yaml).contains("${env:PARTNER_PASSWORD}").doesNotContain("correct horse");
        }
    }

    @Test
    void aWrongMasterKeyIsAClearError() {
        apply();
        environment.put("COHORT_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(this::apply).isInstanceOfSatisfying(SecretException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(SecretException.MASTER_KEY_MISMATCH);
            assertThat(e.getMessage()).contains("acme").contains("COHORT_MASTER_KEY");
        });
    }

    @Test
    void anOrchestrationIsCheckedAgainstItsQueryAndTemplate() throws IOException {
        append("cohort.yaml", """
                destinations:
                  partner: {type: test-open}
                orchestrations:
                  to_partner: {query: loyalty_members, destination: partner, data_template: shaped}
                  draft_one: {query: birthdays_next_month, destination: partner}
                """);
        edit("cohort.yaml", "data_templates:\n", """
                data_templates:
                  shaped:
                    fields:
                      - {name: id, column: customer_idd}
                      - {name: full, expression: "first_name || nosuch"}
                """);
        edit("cohort.yaml", "sql_file: sql/queries/birthdays_next_month.sql\n    status: active",
                "sql_file: sql/queries/birthdays_next_month.sql\n    status: draft");
        ApplyResult result = apply();
        assertThat(result.problems()).extracting(Problem::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).startsWith("orchestration to_partner is not saved: field 'id': column 'customer_idd' is not"
                        + " in the query's output; did you mean 'customer_id'? (columns: customer_id, loyalty_id,"),
                m -> assertThat(m).startsWith("orchestration to_partner is not saved: field 'full': the expression does not"
                        + " work on the query's columns: ").contains("nosuch"),
                m -> assertThat(m).isEqualTo("orchestration draft_one is not saved: its query birthdays_next_month is a"
                        + " draft; only an active query can be sent (set 'status: active' and make its SQL valid)"));
    }

    @Test
    void aTemplateIsCheckedAgainstItsDestinationTypesLayout() throws IOException {
        edit("cohort.yaml", "data_templates:\n", """
                data_templates:
                  layout:
                    destination_type: test-fixed-layout
                    fields:
                      - {name: EMAIL, column: email}
                      - {name: CUSTOMFIELD_1, blank: true}
                """);
        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("ROW_ID"))
                        .anySatisfy(m -> assertThat(m).contains("CUSTOMFIELD_1").contains("CUSTOMFIELD1")));
    }
}

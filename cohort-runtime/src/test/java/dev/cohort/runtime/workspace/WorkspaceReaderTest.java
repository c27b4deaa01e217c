package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.Problem;
import dev.cohort.model.QueryStatus;
import dev.cohort.model.SecretRef;
import dev.cohort.model.SqlTable;
import dev.cohort.model.Transform;
import dev.cohort.model.ValidationException;
import dev.cohort.model.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceReaderTest {
    @TempDir
    Path root;

    private void write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<Problem> problems(String yaml) throws IOException {
        write("cohort.yaml", yaml);
        try {
            WorkspaceReader.read(root);
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void readsEveryKindOfObject() throws IOException {
        write("sql/t.sql", "SELECT * FROM customers");
        write("sql/q.sql", "SELECT id FROM t;\n");
        write("cohort.yaml", """
                workspace: {name: acme, kind: production}
                tables:
                  customers:
                    file: data/customers.tsv
                    columns:
                      id: BIGINT
                      email: {type: VARCHAR, pii: true}
                    on_bad_rows: skip
                  t:
                    sql_file: sql/t.sql
                    pii: [email]
                queries:
                  q: {sql_file: sql/q.sql, status: active}
                  inline: {sql: "SELECT 1 AS one"}
                data_templates:
                  shape:
                    destination_type: sftp
                    fields:
                      - {name: ID, column: id}
                      - {name: HASH, expression: "lower(email)", transforms: [trim, email, sha256]}
                      - {name: PHONE, column: phone, transforms: [{phone: {region: GB}}]}
                      - {name: U, column: id, transforms: [{uuid: {from: value}}]}
                      - {name: C, constant: X}
                      - {name: B, blank: true}
                credentials:
                  partner: {type: sftp, values: {password: "${env:PARTNER_PASSWORD}", private_key: "${file:keys/id}"}}
                destinations:
                  partner: {type: sftp, credential: partner, pii_allowed: true, settings: {host: example.com, port: 22}}
                orchestrations:
                  weekly:
                    query: q
                    destination: partner
                    data_template: shape
                    workflow: {schedule: "0 6 * * MON", time_zone: Europe/London}
                  export_all: {export: [customers, t], destination: partner}
                """);
        var workspace = WorkspaceReader.read(root).definition();
        assertThat(workspace.name()).isEqualTo("acme");
        LoadedTable customers = (LoadedTable) workspace.table("CUSTOMERS").orElseThrow();
        assertThat(customers.source().csv().delimiter()).isEqualTo('\t');
        assertThat(customers.piiColumns()).containsExactly("email");
        assertThat(((SqlTable) workspace.table("t").orElseThrow()).sql()).isEqualTo("SELECT * FROM customers");
        assertThat(workspace.query("q").orElseThrow().status()).isEqualTo(QueryStatus.ACTIVE);
        assertThat(workspace.query("inline").orElseThrow().status()).isEqualTo(QueryStatus.DRAFT);
        DataTemplate template = workspace.template("shape").orElseThrow();
        assertThat(template.fields()).extracting(f -> f.name()).containsExactly("ID", "HASH", "PHONE", "U", "C", "B");
        assertThat(template.fields().get(1).transforms())
                .containsExactly(new Transform.Trim(), new Transform.Email(), new Transform.Sha256());
        assertThat(template.fields().get(2).transforms()).containsExactly(new Transform.Phone("GB"));
        assertThat(template.fields().get(5).source()).isEqualTo(new FieldSource.Blank());
        assertThat(workspace.credential("partner").orElseThrow().values())
                .containsEntry("password", new SecretRef.Env("PARTNER_PASSWORD"))
                .containsEntry("private_key", new SecretRef.File("keys/id"));
        assertThat(workspace.destination("partner").orElseThrow().settings()).containsEntry("port", 22L);
        assertThat(workspace.orchestration("weekly").orElseThrow().workflow())
                .isEqualTo(new Workflow.Automatic("0 6 * * MON", ZoneId.of("Europe/London")));
    }

    @Test
    void reportsEveryProblemAtOnceWithFileAndLine() throws IOException {
        List<Problem> problems = problems("""
                workspace: {name: acme}
                tables:
                  customers:
                    file: data/c.csv
                    fromat: csv
                    on_bad_rows: maybe
                queries:
                  q:
                    sql_file: sql/missing.sql
                    status: enabled
                data_templates:
                  t:
                    fields:
                      - {name: A, column: a, transforms: [sha265]}
                      - {name: B}
                """);
        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "cohort.yaml:5:5 (tables.customers.fromat): unknown key 'fromat'; did you mean 'format'?"
                        + " (allowed here: columns, csv, description, file, format, on_bad_rows, pii)",
                "cohort.yaml:6:18 (tables.customers.on_bad_rows): on_bad_rows is 'fail' or 'skip', not 'maybe'",
                "cohort.yaml:9:15 (queries.q.sql_file): there is no file sql/missing.sql (looked in " + root.resolve("sql") + ")",
                "cohort.yaml:10:13 (queries.q.status): status is 'draft' or 'active', not 'enabled'",
                "cohort.yaml:14:43 (data_templates.t.fields[0].transforms[0]): unknown transform 'sha265'; did you mean"
                        + " 'sha256'? (transforms: trim, lower, upper, email, phone, sha256, uuid)",
                "cohort.yaml:15:9 (data_templates.t.fields[1]): a field takes its value from exactly one of 'column',"
                        + " 'expression', 'constant' or 'blank: true'");
    }

    @Test
    void wrongTypesNameWhatWasFound() throws IOException {
        List<Problem> problems = problems("""
                workspace: {name: acme}
                destinations:
                  d: {type: sftp, admin_only: sometimes, settings: [a, b]}
                """);
        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "cohort.yaml:3:31 (destinations.d.admin_only): expected true or false, found 'sometimes'",
                "cohort.yaml:3:52 (destinations.d.settings): expected a mapping of keys to values, found a list");
    }

    @Test
    void refusesSecretValuesWrittenInTheFile() throws IOException {
        List<Problem> problems = problems("""
                workspace: {name: acme}
                credentials:
                  partner:
                    type: sftp
                    values:
                      password: hunter2
                """);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.location().line()).isEqualTo(6);
            assertThat(problem.message()).contains("${env:PARTNER_PASSWORD}").doesNotContain("hunter2");
        });
    }

    @Test
    void yamlSyntaxErrorsHaveTheirLine() throws IOException {
        List<Problem> problems = problems("""
                workspace: {name: acme}
                tables:
                  a: [unclosed
                """);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("YAML_SYNTAX");
            assertThat(problem.location().file()).isEqualTo("cohort.yaml");
            assertThat(problem.location().line()).isEqualTo(4);
        });
    }

    @Test
    void badTimeZoneAndMissingSourceAreReported() throws IOException {
        List<Problem> problems = problems("""
                workspace: {name: acme}
                orchestrations:
                  o:
                    destination: d
                    workflow: {schedule: "0 6 * * *", time_zone: Mars/Olympus}
                """);
        assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder(
                "orchestration 'o' needs 'query: <an active query>' or 'export: [table, …]' (a database export)",
                "'Mars/Olympus' is not a time zone: use a region id such as America/New_York, Europe/London or UTC");
    }

    @Test
    void schedulesAreCronExpressionsThatFire() throws IOException {
        List<Problem> problems = problems("""
                workspace: {name: acme}
                orchestrations:
                  a: {query: q, destination: d, workflow: {schedule: "every monday", time_zone: UTC}}
                  b: {query: q, destination: d, workflow: {schedule: "0 6 30 2 *", time_zone: UTC}}
                  c: {query: q, destination: d, workflow: {schedule: "0 6 * * MON", time_zone: Europe/London}}
                """);
        assertThat(problems).extracting(Problem::toString).satisfiesExactly(
                a -> assertThat(a).startsWith("cohort.yaml:3:54 (orchestrations.a.workflow.schedule): 'every monday' is not"
                        + " a cron schedule (").endsWith("such as \"0 6 * * MON\" (6:00 every Monday)"),
                b -> assertThat(b).isEqualTo("cohort.yaml:4:54 (orchestrations.b.workflow.schedule): '0 6 30 2 *' never fires"
                        + " (no such date): check the day of month and month"));
    }

    @Test
    void aMissingWorkspaceSaysHowToCreateOne() {
        assertThatThrownBy(() -> WorkspaceReader.read(root.resolve("nowhere")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("there is no cohort.yaml here: create a workspace with 'cohort init");
    }
}

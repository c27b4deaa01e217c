package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.store.ObjectKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store keeps and what export writes read back to the same objects. */
class SpecCodecTest {
    @TempDir
    Path root;

    private WorkspaceDefinition sample() throws IOException {
        Files.createDirectories(root.resolve("sql"));
        Files.writeString(root.resolve("sql/t.sql"), "SELECT * FROM customers");
        Files.writeString(root.resolve("cohort.yaml"), """
                workspace: {name: acme}
                tables:
                  customers:
                    file: data/c.csv
                    csv: {delimiter: ";", header: false, quote: "'", null: NA}
                    columns: {id: BIGINT, email: {type: VARCHAR, pii: true}}
                    pii: [id]
                    on_bad_rows: skip
                  t: {sql_file: sql/t.sql, description: "built", pii: [email]}
                queries:
                  q: {sql: "SELECT 1 AS one", status: active, description: "d"}
                data_templates:
                  shape:
                    fields:
                      - {name: A, column: id, transforms: [trim, lower, upper, email, sha256]}
                      - {name: P, expression: "x || y", transforms: [{phone: {region: US}}]}
                      - {name: U, column: id, transforms: [uuid, {uuid: {from: value}}, {uuid: {namespace: 6ba7b810-9dad-11d1-80b4-00c04fd430c8}}]}
                      - {name: C, constant: "0"}
                      - {name: B, blank: true}
                credentials:
                  c: {type: sftp, values: {password: "${env:X}", key: "${file:k}"}}
                notifications:
                  hook: {description: on call, webhook: {url: "https://hooks.example.com/x?token=abc", credential: c}, levels: [error, warning]}
                  mail:
                    email: {host: smtp.example.com, security: tls, credential: c, from: "Cohort <cohort@example.com>", to: [a@example.com, b@example.com]}
                  relay: {email: {host: relay, port: 2525, security: none, from: a@example.com, to: b@example.com}, levels: running}
                destinations:
                  d: {type: sftp, credential: c, admin_only: true, settings: {host: h, port: 22, csv: {gzip: true}}}
                orchestrations:
                  o: {query: q, destination: d, data_template: shape, workflow: {schedule: "0 * * * *", time_zone: UTC}}
                  e: {export: [customers], destination: d}
                """);
        return WorkspaceReader.read(root).definition();
    }

    @Test
    void everyObjectSurvivesTheStoreFormat() throws IOException {
        WorkspaceDefinition workspace = sample();
        List<Object> objects = new java.util.ArrayList<>();
        objects.addAll(workspace.tables());
        objects.addAll(workspace.queries());
        objects.addAll(workspace.templates());
        objects.addAll(workspace.credentials());
        objects.addAll(workspace.notificationChannels());
        objects.addAll(workspace.destinations());
        objects.addAll(workspace.orchestrations());
        for (Object object : objects) {
            ObjectKind kind = SpecCodec.kindOf(object);
            String json = SpecCodec.encode(object);
            String name = ((Record) object).toString();
            Object decoded = SpecCodec.decode(kind, nameOf(object), json);
            assertThat(decoded).as(name).isEqualTo(object);
            assertThat(SpecCodec.encode(decoded)).as("stable encoding of " + name).isEqualTo(json);
        }
    }

    @Test
    void exportReadsBackAsTheSameWorkspace() throws IOException {
        WorkspaceDefinition workspace = sample();
        Path out = root.resolve("export");
        new WorkspaceExporter(root).write(workspace, out);
        WorkspaceDefinition again = WorkspaceReader.read(out).definition();
        assertThat(again.queries()).isEqualTo(workspace.queries());
        assertThat(again.templates()).isEqualTo(workspace.templates());
        assertThat(again.credentials()).singleElement().satisfies(credential -> assertThat(credential.values())
                .containsEntry("password", new dev.cohort.model.SecretRef.Env("X"))
                .containsEntry("key", new dev.cohort.model.SecretRef.File(root.resolve("k").toString())));
        assertThat(again.notificationChannels()).hasSize(3).isEqualTo(workspace.notificationChannels());
        assertThat(again.destinations()).isEqualTo(workspace.destinations());
        assertThat(again.orchestrations()).isEqualTo(workspace.orchestrations());
        assertThat(again.table("t")).isEqualTo(workspace.table("t"));
        assertThat(Files.readString(out.resolve("cohort.yaml"))).doesNotContain("sql: SELECT * FROM customers");
    }

    @Test
    void aNotificationChannelIsStoredInItsFileShape() throws IOException {
        var channel = sample().notificationChannel("mail").orElseThrow();
        assertThat(SpecCodec.kindOf(channel)).isEqualTo(ObjectKind.NOTIFICATION_CHANNEL);
        assertThat(SpecCodec.encode(channel)).isEqualTo("{\"email\":{\"host\":\"smtp.example.com\",\"port\":465,"
                + "\"security\":\"tls\",\"credential\":\"c\",\"from\":\"Cohort <cohort@example.com>\","
                + "\"to\":[\"a@example.com\",\"b@example.com\"]},\"levels\":[\"running\",\"completed\",\"warning\",\"error\"]}");
    }

    /** The stored JSON is compared between processes, so no part of it may follow a hash map's order. */
    @Test
    void mapsAreWrittenInAFixedOrder() throws IOException {
        WorkspaceDefinition workspace = sample();
        assertThat(SpecCodec.encode(workspace.credential("c").orElseThrow()))
                .isEqualTo("{\"type\":\"sftp\",\"values\":{\"key\":\"${file:k}\",\"password\":\"${env:X}\"}}");
        assertThat(SpecCodec.encode(workspace.table("customers").orElseThrow()))
                .contains("\"email\":{\"type\":\"VARCHAR\",\"pii\":true}");
    }

    private static String nameOf(Object object) {
        return switch (object) {
            case dev.cohort.model.TableDefinition t -> t.name();
            case dev.cohort.model.QueryDefinition q -> q.name();
            case dev.cohort.model.DataTemplate t -> t.name();
            case dev.cohort.model.CredentialDefinition c -> c.name();
            case dev.cohort.model.DestinationDefinition d -> d.name();
            case dev.cohort.model.NotificationChannelDefinition c -> c.name();
            case dev.cohort.model.OrchestrationDefinition o -> o.name();
            default -> throw new IllegalArgumentException();
        };
    }
}

package dev.cohort.bench;

import dev.cohort.model.ColumnDefinition;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.sandbox.data.SyntheticCustomers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The orchestration benchmark's workspace folder, laid out as a user would write it: {@code cohort.yaml},
 * the customers in {@code data/customers.csv} and the SSH key in {@code client_ed25519}. Its one
 * orchestration sends {@code customer_id} and the SHA-256 of the normalised e-mail address
 * ({@code lower(trim(email))}, in SQL) in customer order to an {@code sftp} destination.
 *
 * @param root the folder
 */
record BenchWorkspace(Path root) {
    static final String QUERY = "customers_by_id";
    static final String ORCHESTRATION = "deliver_customers";
    /** The file the orchestration delivers into the SFTP user's folder ({@code file_name: "{object}.csv"}). */
    static final String DELIVERED_FILE = QUERY + ".csv";
    static final String SFTP_USER = "partner";
    /** The statement (a) runs: the same rows, columns and normalisation as the orchestration, written by DuckDB alone. */
    static final String COPY_SQL = "COPY (SELECT customer_id, sha256(lower(trim(email))) AS email_sha256 FROM customers"
            + " ORDER BY customer_id) TO '%s' (HEADER)";
    private static final String YAML = """
            # Written by cohort-bench's OrchestrationBenchmark.
            workspace:
              name: orchestration-bench
              kind: sandbox

            tables:
              customers:
                file: data/customers.csv
                columns:
            %s

            queries:
              %s:
                sql: SELECT customer_id, email FROM customers ORDER BY customer_id
                status: active

            data_templates:
              hashed_email:
                fields:
                  - {name: customer_id, column: customer_id}
                  - {name: email_sha256, expression: "lower(trim(email))", transforms: [sha256]}

            credentials:
              sftp:
                type: sftp
                values:
                  private_key: ${file:client_ed25519}

            destinations:
              partner_sftp:
                type: sftp
                credential: sftp
                pii_allowed: true
                settings:
                  host: 127.0.0.1
                  port: %d
                  user: %s
                  remote_folder: /
                  host_key: "%s"
                  file_name: "{object}.csv"

            orchestrations:
              %s:
                query: %s
                destination: partner_sftp
                data_template: hashed_email
            """;

    /** Where {@link SyntheticCustomers} writes {@code customers.csv}. */
    Path dataFolder() {
        return root.resolve("data");
    }

    Path privateKey() {
        return root.resolve("client_ed25519");
    }

    /** The workspace's state, with its metadata in SQLite under the folder whatever {@code COHORT_DB_URL} says. */
    WorkspaceHome home() {
        return WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(WorkspaceHome.STATE_DIR).resolve("metadata.db")));
    }

    /** Writes {@code cohort.yaml} for the sandbox SFTP server at 127.0.0.1:{@code port} with host key {@code hostKey}. */
    void writeDefinition(int port, String hostKey) throws IOException {
        Files.writeString(root.resolve(WorkspaceReader.FILE_NAME), yaml(port, hostKey), StandardCharsets.UTF_8);
    }

    static String yaml(int port, String hostKey) {
        String columns = CustomerTable.COLUMNS.stream().map(BenchWorkspace::column).collect(Collectors.joining("\n"));
        return YAML.formatted(columns, QUERY, port, SFTP_USER, hostKey, ORCHESTRATION, QUERY);
    }

    private static String column(ColumnDefinition column) {
        return "      " + column.name() + ": " + (column.pii() ? "{type: " + column.type() + ", pii: true}" : column.type());
    }
}

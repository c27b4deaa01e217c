package dev.cohort.bench;

import dev.cohort.model.ColumnDefinition;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The warehouse benchmark's workspace folder, laid out as a user would write it: {@code cohort.yaml} and
 * the customers in {@code data/customers.csv}. Its one query selects every column of the customers; its
 * one orchestration exports the result to a {@code warehouse-table} destination in {@code replace} mode, into
 * the table {@value #QUERY} of the benchmark's PostgreSQL database. The credential's user (and password)
 * come from variables the benchmark passes when it opens the workspace, as {@code ${env:…}} would read them.
 *
 * @param root the folder
 */
record WarehouseBenchWorkspace(Path root) {
    static final String QUERY = "warehouse_customers";
    static final String ORCHESTRATION = "export_customers";
    static final String USER_VARIABLE = "COHORT_BENCH_WAREHOUSE_USER";
    static final String PASSWORD_VARIABLE = "COHORT_BENCH_WAREHOUSE_PASSWORD";
    /** Every column of the customers, in the table's order. */
    static final String COLUMNS = CustomerTable.COLUMNS.stream().map(ColumnDefinition::name).collect(Collectors.joining(", "));
    /** The query's statement: also what the baseline's CSV is exported with. */
    static final String SELECT_SQL = "SELECT " + COLUMNS + " FROM customers";
    private static final String YAML = """
            # Written by cohort-bench's WarehouseBenchmark.
            workspace:
              name: warehouse-bench
              kind: sandbox

            tables:
              customers:
                file: data/customers.csv
                columns:
            %s

            queries:
              %s:
                sql: %s
                status: active

            credentials:
              warehouse_login:
                type: warehouse
                values:
                  username: ${env:%s}%s

            destinations:
              bench_warehouse:
                type: warehouse-table
                credential: warehouse_login
                pii_allowed: true
                settings:
                  jdbc_url: "%s"
                  schema: public
                  table: "{object}"
                  mode: replace

            orchestrations:
              %s:
                query: %s
                destination: bench_warehouse
            """;

    Path dataFolder() {
        return root.resolve("data");
    }

    /** The workspace's state, with its metadata in SQLite under the folder whatever {@code COHORT_DB_URL} says. */
    WorkspaceHome home() {
        return WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(WorkspaceHome.STATE_DIR).resolve("metadata.db")));
    }

    /** Writes {@code cohort.yaml} for the database {@code login} names. */
    void writeDefinition(PostgresLogin login) throws IOException {
        Files.writeString(root.resolve(WorkspaceReader.FILE_NAME), yaml(login), StandardCharsets.UTF_8);
    }

    static String yaml(PostgresLogin login) {
        String columns = CustomerTable.COLUMNS.stream().map(WarehouseBenchWorkspace::column).collect(Collectors.joining("\n"));
        String password = login.password().isPresent() ? "\n      password: ${env:" + PASSWORD_VARIABLE + "}" : "";
        return YAML.formatted(columns, QUERY, SELECT_SQL, USER_VARIABLE, password, login.destinationUrl(), ORCHESTRATION, QUERY);
    }

    /** The variables the credential reads: the user, and the password when there is one. */
    static Map<String, String> environment(PostgresLogin login) {
        Map<String, String> environment = new HashMap<>();
        environment.put(USER_VARIABLE, login.user());
        login.password().ifPresent(password -> environment.put(PASSWORD_VARIABLE, password));
        return Map.copyOf(environment);
    }

    private static String column(ColumnDefinition column) {
        return "      " + column.name() + ": " + (column.pii() ? "{type: " + column.type() + ", pii: true}" : column.type());
    }
}

package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.testing.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code mode: replace} against the real PostgreSQL: the swap is atomic, and an abort leaves the old table as it was. */
class ReplaceModeIT {
    @RegisterExtension
    final PostgresTestDatabase database = new PostgresTestDatabase();

    private TestWarehouse warehouse() {
        return new TestWarehouse(database);
    }

    @Test
    void readersSeeTheOldRowsUntilFinishThenTheNewOnes() throws SQLException {
        TestWarehouse warehouse = warehouse();
        deliver(warehouse.config(), rows(row("C1", "old"), row("C2", "old")));

        try (Connection reader = warehouse.connect();
             DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config(), TestWarehouse.context("audience", "id", "name"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("N1", "new"), row("N2", "new"), row("N3", "new"))));

            assertThat(TestWarehouse.rows(reader, "SELECT id, name FROM audience ORDER BY id"))
                    .containsExactly(List.of("C1", "old"), List.of("C2", "old"));
            assertThat(warehouse.relations()).as("the staging table is invisible outside the delivery").containsExactly("public.audience");

            writer.finish();

            assertThat(TestWarehouse.rows(reader, "SELECT id, name FROM audience ORDER BY id"))
                    .containsExactly(List.of("N1", "new"), List.of("N2", "new"), List.of("N3", "new"));
        }
        assertThat(warehouse.relations()).containsExactly("public.audience");
    }

    @Test
    void theSwapWaitsForAReaderInsideATransactionWhoKeepsSeeingTheOldTableAndLaterQueriesReadTheNewOne() throws Exception {
        TestWarehouse warehouse = warehouse();
        deliver(warehouse.config(), rows(row("C1", "old")));
        // Threads of their own: the common pool may have a single thread on a small machine.
        try (ExecutorService threads = Executors.newFixedThreadPool(2);
             Connection reader = warehouse.connect();
             DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config(), TestWarehouse.context("audience", "id", "name"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("N1", "new"), row("N2", "new"))));
            reader.setAutoCommit(false);
            assertThat(TestWarehouse.rows(reader, "SELECT count(*) FROM audience")).containsExactly(List.of("1"));

            CompletableFuture<?> finish = CompletableFuture.runAsync(writer::finish, threads);
            await().atMost(Duration.ofSeconds(10)).until(() -> !warehouse.rows(
                    "SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'public.audience'::regclass").isEmpty());

            assertThat(finish).isNotDone();
            assertThat(TestWarehouse.rows(reader, "SELECT count(*) FROM audience")).containsExactly(List.of("1"));
            CompletableFuture<List<List<String>>> lateReader = CompletableFuture.supplyAsync(() -> warehouse.rows(
                    "SELECT count(*) FROM audience"), threads);
            await().atMost(Duration.ofSeconds(10)).until(() -> warehouse.rows(
                    "SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'public.audience'::regclass").size() == 2);
            reader.commit();
            finish.get(10, TimeUnit.SECONDS);

            assertThat(TestWarehouse.rows(reader, "SELECT count(*) FROM audience")).containsExactly(List.of("2"));
            assertThat(lateReader.get(10, TimeUnit.SECONDS)).as("a query that waited on the swap reads the new table")
                    .containsExactly(List.of("2"));
        }
    }

    @Test
    void abortLeavesTheOldTableAndNoStagingTable() {
        TestWarehouse warehouse = warehouse();
        deliver(warehouse.config(), rows(row("C1", "old")));

        try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config(), TestWarehouse.context("audience", "id", "name"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("N1", "new"), row("N2", "new"))));
            writer.abort();
        }

        assertThat(warehouse.tableRows("audience")).containsExactly(List.of("C1", "old"));
        assertThat(warehouse.relations()).containsExactly("public.audience");
    }

    @Test
    void aTableThatFitsTheFieldsKeepsItsColumnTypesDefaultsAndGrants() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (id bigint NOT NULL, name varchar(20), loaded_at timestamptz DEFAULT now(),"
                        + " serial_no bigint GENERATED ALWAYS AS IDENTITY)",
                "INSERT INTO audience (id, name) VALUES (1, 'old')", "GRANT SELECT ON audience TO PUBLIC");

        deliver(warehouse.config(), rows(row("7", "Ada"), row("8", null)));

        assertThat(warehouse.columns("audience")).containsExactly("id bigint", "name character varying",
                "loaded_at timestamp with time zone", "serial_no bigint");
        assertThat(warehouse.rows("SELECT id, name, loaded_at IS NOT NULL, serial_no FROM audience ORDER BY id"))
                .containsExactly(List.of("7", "Ada", "t", "1"), java.util.Arrays.asList("8", null, "t", "2"));
        assertThat(warehouse.rows("SELECT grantee, privilege_type FROM information_schema.role_table_grants"
                + " WHERE table_name = 'audience' AND grantee = 'PUBLIC'")).containsExactly(List.of("PUBLIC", "SELECT"));
    }

    @Test
    void aTableWhoseColumnsDifferIsReplacedByTextColumnsForTheFields() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (customer bigint, segment text)", "INSERT INTO audience VALUES (1, 'gold')");

        deliver(warehouse.config(), rows(row("C1", "Ada")));

        assertThat(warehouse.columns("audience")).containsExactly("id text", "name text");
        assertThat(warehouse.tableRows("audience")).containsExactly(List.of("C1", "Ada"));
    }

    @Test
    void aValueTheColumnCannotTakeFailsTheDeliveryWithoutShowingItAndKeepsTheOldRows() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (id bigint, name text)", "INSERT INTO audience VALUES (1, 'old')");

        try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config("batch_rows", 3),
                TestWarehouse.context("audience", "id", "name"))) {
            assertThatThrownBy(() -> {
                writer.write(RecordBatch.numberedFrom(1, rows(row("1", "a"), row("2", "b"), row("3", "c"), row("4", "d"))));
                writer.write(RecordBatch.numberedFrom(5, rows(row("not-a-number", "e"), row("6", "f"))));
                writer.finish();
            }).isInstanceOfSatisfying(CohortException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(WarehouseErrors.VALUE_REJECTED);
                assertThat(e.getCause()).as("the driver's message quotes the value").isNull();
            }).hasMessageContaining("column id").hasMessageContaining("row 5").hasMessageContaining("22P02")
                    .hasMessageNotContaining("not-a-number");
        }

        assertThat(warehouse.tableRows("audience")).containsExactly(List.of("1", "old"));
        assertThat(warehouse.relations()).containsExactly("public.audience");
    }

    @Test
    void viewsOnTheTableStopTheSwapAndTheCheckSaysSo() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (id text, name text)", "INSERT INTO audience VALUES ('C1', 'old')",
                "CREATE VIEW gold_audience AS SELECT * FROM audience");
        WarehouseTableConfig config = warehouse.config("table", "audience");

        CheckResult check = TestWarehouse.TYPE.check(config, CheckContext.DEFAULT);
        try (DestinationWriter writer = TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id", "name"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("N1", "new"))));
            assertThatThrownBy(writer::finish).isInstanceOfSatisfying(CohortException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(WarehouseErrors.DEPENDENT_OBJECTS);
                assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR);
            }).hasMessageContaining("gold_audience").hasMessageContaining("mode: append");
        }

        assertThat(check.ok()).isFalse();
        assertThat(check.summary()).contains("look at table public.audience").contains("public.gold_audience");
        assertThat(warehouse.tableRows("audience")).containsExactly(List.of("C1", "old"));
    }

    @Test
    void eachTableOfADatabaseExportGoesIntoItsOwnTableNamedByTheTemplate() {
        TestWarehouse warehouse = warehouse();
        WarehouseTableConfig config = warehouse.config("table", "export_{object}");

        for (String table : List.of("customers", "Orders 2024")) {
            try (DestinationWriter writer = TestWarehouse.TYPE.open(config, TestWarehouse.context(table, "id", "name"))) {
                writer.write(RecordBatch.numberedFrom(1, rows(row("1", table))));
                writer.finish();
            }
        }

        assertThat(warehouse.relations()).containsExactly("public.export_Orders 2024", "public.export_customers");
        assertThat(warehouse.tableRows("export_Orders 2024")).containsExactly(List.of("1", "Orders 2024"));
    }

    @Test
    void aViewUnderTheTableNameIsRefusedWhenTheDeliveryOpens() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE VIEW audience AS SELECT 'x'::text AS id, 'y'::text AS name");

        assertThatThrownBy(() -> TestWarehouse.TYPE.open(warehouse.config(), TestWarehouse.context("audience", "id", "name")))
                .isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.errorCode()).isEqualTo(WarehouseErrors.INVALID_TABLE))
                .hasMessageContaining("public.audience is a view, not a table");
    }

    @Test
    void aTestRunWritesToItsOwnTableAndLeavesTheRealOneAlone() {
        TestWarehouse warehouse = warehouse();
        deliver(warehouse.config(), rows(row("C1", "real")));

        try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config(),
                TestWarehouse.testContext("audience", "id", "name"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("T1", "test"))));
            writer.finish();
        }

        assertThat(warehouse.rows("SELECT id, name FROM audience")).containsExactly(List.of("C1", "real"));
        assertThat(warehouse.rows("SELECT id, name FROM audience" + TableNameTemplate.TEST_SUFFIX))
                .containsExactly(List.of("T1", "test"));
    }

    static void deliver(WarehouseTableConfig config, List<String[]> rows) {
        try (DestinationWriter writer = TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id", "name"))) {
            writer.write(RecordBatch.numberedFrom(1, rows));
            writer.finish();
        }
    }

    static String[] row(String... values) {
        return values;
    }

    static List<String[]> rows(String[]... rows) {
        return List.of(rows);
    }
}

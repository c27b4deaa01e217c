package dev.cohort.connector.warehouse;

import static dev.cohort.connector.warehouse.ReplaceModeIT.row;
import static dev.cohort.connector.warehouse.ReplaceModeIT.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.testing.postgres.PostgresTestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code mode: append} against the real PostgreSQL: one transaction committed at finish, and a table that must fit. */
class AppendModeIT {
    @RegisterExtension
    final PostgresTestDatabase database = new PostgresTestDatabase();

    private TestWarehouse warehouse() {
        return new TestWarehouse(database);
    }

    @Test
    void rowsAreAddedOnlyWhenTheDeliveryFinishes() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (id text, name text)", "INSERT INTO audience VALUES ('C1', 'earlier')");

        try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config("mode", "append", "batch_rows", 2),
                TestWarehouse.context("audience", "id", "name"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("C2", "a"), row("C3", "b"), row("C4", "c"))));

            assertThat(warehouse.tableRows("audience")).as("nothing is visible before finish").containsExactly(List.of("C1", "earlier"));

            writer.finish();
        }

        assertThat(warehouse.tableRows("audience")).containsExactly(List.of("C1", "earlier"), List.of("C2", "a"), List.of("C3", "b"),
                List.of("C4", "c"));
    }

    @Test
    void aMissingTableIsCreatedWithTextColumnsAndAppearsAtFinish() {
        TestWarehouse warehouse = warehouse();

        try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config("mode", "append"),
                TestWarehouse.context("audience", "id", "Name", "joined on"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("C1", "Ada", "2024-01-31"))));
            assertThat(warehouse.relations()).isEmpty();
            writer.finish();
        }

        assertThat(warehouse.columns("audience")).containsExactly("id text", "Name text", "joined on text");
        assertThat(warehouse.tableRows("audience")).containsExactly(List.of("C1", "Ada", "2024-01-31"));
    }

    @Test
    void aMissingTableGetsColumnsTypedFromTheFieldsEngineTypesAndTheirTextReadsBackExactly() {
        TestWarehouse warehouse = warehouse();

        try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config("mode", "append"),
                TestWarehouse.typedContext("audience", "id", "VARCHAR", "points", "BIGINT", "value", "DECIMAL(14,2)",
                        "joined", "DATE", "seen", "TIMESTAMP", "opted_in", "BOOLEAN", "score", "DOUBLE", "tags", "VARCHAR[]"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("C1", "1228", "1234.50", "2024-01-31", "2024-02-01 10:15:30",
                    "true", "0.25", "[gold, vip]"), row("C2", null, null, null, null, null, null, null))));
            writer.finish();
        }

        assertThat(warehouse.columns("audience")).containsExactly("id text", "points bigint", "value numeric",
                "joined date", "seen timestamp without time zone", "opted_in boolean", "score double precision", "tags text");
        assertThat(warehouse.rows("SELECT id, points + 1, value * 2, joined + 1, seen, opted_in, score, tags FROM audience"
                + " ORDER BY id")).containsExactly(
                List.of("C1", "1229", "2469.00", "2024-02-01", "2024-02-01 10:15:30", "t", "0.25", "[gold, vip]"),
                java.util.Arrays.asList("C2", null, null, null, null, null, null, null));
    }

    @Test
    void rowsTheEngineEncodedForCopyGoStraightInKeepingEmptyStringsApartFromNull() {
        TestWarehouse warehouse = warehouse();

        try (WarehouseTableWriter writer = WarehouseTableWriter.open(warehouse.config("mode", "append"),
                TestWarehouse.typedContext("audience", "id", "VARCHAR", "note", "VARCHAR", "points", "BIGINT"))) {
            assertThat(writer.encoding()).contains(dev.cohort.spi.destination.CsvEncoding.POSTGRES_COPY);
            writer.writeEncoded(new java.io.ByteArrayInputStream("C1,\"\",10\nC2,,\nC3,\"a,b\",30\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)), () -> 3);
            assertThat(writer.finish().rowsSent()).isEqualTo(3);
        }

        assertThat(warehouse.rows("SELECT id, note IS NULL, note, points FROM audience ORDER BY id")).containsExactly(
                List.of("C1", "f", "", "10"), java.util.Arrays.asList("C2", "t", null, null), List.of("C3", "f", "a,b", "30"));
    }

    @Test
    void anEncodedRowTheTableCannotTakeFailsTheDeliveryNamingItsRowAndLeavesNothing() {
        TestWarehouse warehouse = warehouse();

        dev.cohort.spi.CohortException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                dev.cohort.spi.CohortException.class, () -> {
                    try (WarehouseTableWriter writer = WarehouseTableWriter.open(warehouse.config("mode", "append"),
                            TestWarehouse.typedContext("audience", "id", "VARCHAR", "points", "BIGINT"))) {
                        writer.writeEncoded(new java.io.ByteArrayInputStream("C1,10\nC2,many\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), () -> 2);
                    }
                });

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("row 2");
        assertThat(warehouse.relations()).isEmpty();
    }

    @Test
    void abortKeepsTheTableAsItWasAndRemovesATableItCreated() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (id text, name text)", "INSERT INTO audience VALUES ('C1', 'earlier')");

        for (String table : List.of("audience", "new_table")) {
            try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config("mode", "append"),
                    TestWarehouse.context(table, "id", "name"))) {
                writer.write(RecordBatch.numberedFrom(1, rows(row("C2", "a"))));
                writer.abort();
            }
        }

        assertThat(warehouse.tableRows("audience")).containsExactly(List.of("C1", "earlier"));
        assertThat(warehouse.relations()).containsExactly("public.audience");
    }

    @Test
    void aTableWhoseColumnsDoNotFitIsRefusedWhenTheDeliveryOpensNamingColumnsAndTypes() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (id text, phone text, loaded_on date NOT NULL)");

        assertThatThrownBy(() -> TestWarehouse.TYPE.open(warehouse.config("mode", "append"),
                TestWarehouse.context("audience", "id", "email", "name")))
                .isInstanceOfSatisfying(CohortException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(WarehouseErrors.COLUMNS_MISMATCH);
                    assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR);
                })
                .hasMessageContaining("public.audience does not fit")
                .hasMessageContaining("no column for the fields email, name")
                .hasMessageContaining("phone (text)")
                .hasMessageContaining("loaded_on (date, NOT NULL)");
        assertThat(warehouse.relations()).containsExactly("public.audience");
    }

    @Test
    void columnsWithDefaultsAndNamesDifferingOnlyInCaseFit() {
        TestWarehouse warehouse = warehouse();
        warehouse.execute("CREATE TABLE audience (id bigint, email text, loaded_at timestamptz NOT NULL DEFAULT now(), seq bigserial)");

        try (DestinationWriter writer = TestWarehouse.TYPE.open(warehouse.config("mode", "append"),
                TestWarehouse.context("audience", "Email", "ID"))) {
            writer.write(RecordBatch.numberedFrom(1, rows(row("ada@example.com", "42"))));
            writer.finish();
        }

        assertThat(warehouse.rows("SELECT id, email, loaded_at IS NOT NULL, seq FROM audience"))
                .containsExactly(List.of("42", "ada@example.com", "t", "1"));
    }
}

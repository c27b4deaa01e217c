package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.postgres.PostgresTestDatabase;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many rows through COPY, as the runtime sends them (batches of 2,000): all arrive, and the writer keeps
 * none of the rows it was given — memory stays flat, whatever the delivery's size. The INSERT path
 * (other databases) writes the same table.
 */
class VolumeIT {
    private static final int ROWS = 100_000;
    private static final int BATCH = 2_000;

    @RegisterExtension
    final PostgresTestDatabase database = new PostgresTestDatabase();

    @Test
    void oneHundredThousandRowsStreamThroughCopyAndNoRowIsKept() {
        TestWarehouse warehouse = new TestWarehouse(database);
        List<WeakReference<String[]>> sentRows = new ArrayList<>();
        long nameCharacters = 0;
        WriteResult result;
        try (WarehouseTableWriter writer = WarehouseTableWriter.open(warehouse.config(),
                TestWarehouse.context("audience", "customer_id", "email", "name", "points"))) {
            assertThat(writer.method()).isEqualTo("COPY");
            for (int first = 1; first <= ROWS; first += BATCH) {
                List<String[]> batch = batch(first);
                for (String[] row : batch) {
                    nameCharacters += row[2].length();
                }
                sentRows.add(new WeakReference<>(batch.get(0)));
                assertThat(writer.write(RecordBatch.numberedFrom(first, batch))).isEmpty();
            }
            assertThat(writer.bytesWritten()).isGreaterThan(ROWS * 20L);
            // Every row handed over is collectable before the delivery ends: the writer holds none of them.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                System.gc();
                return sentRows.stream().allMatch(reference -> reference.get() == null);
            });
            result = writer.finish();
        }

        assertThat(result.rowsSent()).isEqualTo(ROWS);
        assertThat(warehouse.rows("SELECT count(*), count(DISTINCT customer_id), sum(length(name)), sum(points::bigint),"
                + " count(*) FILTER (WHERE email IS NULL) FROM audience"))
                .containsExactly(List.of(Integer.toString(ROWS), Integer.toString(ROWS), Long.toString(nameCharacters),
                        Long.toString((long) ROWS * (ROWS + 1) / 2), Integer.toString(ROWS / 10)));
        assertThat(warehouse.rows("SELECT customer_id, email, name, points FROM audience WHERE customer_id IN ('C7', 'C10')"
                + " ORDER BY points::int")).containsExactly(List.of("C7", "user7@example.com", "Zoë \"7\", \\N", "7"),
                java.util.Arrays.asList("C10", null, "", "10"));
    }

    @Test
    void theInsertPathWritesTheSameRows() {
        TestWarehouse warehouse = new TestWarehouse(database);
        for (String table : List.of("by_copy", "by_insert")) {
            try (WarehouseTableWriter writer = WarehouseTableWriter.open(warehouse.config("table", table, "batch_rows", 700),
                    TestWarehouse.context("audience", "customer_id", "email", "name", "points"), table.equals("by_copy"))) {
                assertThat(writer.method()).isEqualTo(table.equals("by_copy") ? "COPY" : "INSERT");
                writer.write(RecordBatch.numberedFrom(1, batch(1)));
                writer.finish();
            }
        }

        assertThat(warehouse.tableRows("by_insert")).hasSize(BATCH).containsExactlyElementsOf(warehouse.tableRows("by_copy"));
    }

    /** Rows {@code first} … {@code first + 1999}: every tenth without an email, every tenth name empty, others with quotes, commas and {@code \N}. */
    private static List<String[]> batch(int first) {
        List<String[]> rows = new ArrayList<>(BATCH);
        for (int number = first; number < first + BATCH; number++) {
            String email = number % 10 == 0 ? null : "user" + number + "@example.com";
            String name = number % 10 == 0 ? "" : "Zoë \"" + number + "\", \\N";
            rows.add(new String[] {"C" + number, email, name, Integer.toString(number)});
        }
        return rows;
    }
}

package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.engine.Column;
import dev.cohort.engine.EngineException;
import dev.cohort.engine.ResultPreview;
import dev.cohort.engine.RowCursor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queries on DuckDB: its messages, how its values read as text, what its parser finds. */
class DuckDbQueryIT {
    DuckDbEngine engine;

    @BeforeEach
    void open() {
        engine = DuckDbEngine.inMemory();
        engine.createSqlTable("customers", """
                SELECT * FROM (VALUES (1, 'jane@x.com', 10), (2, 'joe@x.com', 20)) AS t(id, email, points)
                """);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void unknownTableMessageIsDuckDbsWithItsSuggestion() {
        assertThatThrownBy(() -> engine.describe("SELECT * FROM customer"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.SQL_ERROR);
                    assertThat(e.getMessage()).startsWith("Catalog Error: Table with name customer does not exist!")
                            .contains("Did you mean \"customers\"", "LINE 1:");
                });
    }

    @Test
    void unknownColumnMessageNamesItAndTheCandidates() {
        assertThatThrownBy(() -> engine.describe("SELECT mail FROM customers"))
                .hasMessageStartingWith("Binder Error: Referenced column \"mail\" not found")
                .hasMessageContaining("email");
    }

    @Test
    void syntaxErrorSaysWhere() {
        assertThatThrownBy(() -> engine.describe("SELEC id FROM customers"))
                .hasMessage("Parser Error: syntax error at or near \"SELEC\" (at character 1)");
    }

    @Test
    void statementsThatAreNotQueriesAreNamed() {
        assertThatThrownBy(() -> engine.describe("drop table customers"))
                .hasMessageContaining("Only a SELECT query is allowed here")
                .hasMessageContaining("this is a DROP statement");
        assertThatThrownBy(() -> engine.describe("INSERT INTO customers VALUES (3, 'x', 1)"))
                .hasMessageContaining("this is an INSERT statement");
        assertThatThrownBy(() -> engine.describe("SELECT 1; SELECT 2"))
                .hasMessageContaining("has 2 statements");
        assertThatThrownBy(() -> engine.describe("  -- nothing\n ;"))
                .hasMessageContaining("empty");
    }

    @Test
    void conversionErrorsDoNotRepeatTheValue() {
        assertThatThrownBy(() -> engine.preview("SELECT CAST(email AS INTEGER) FROM customers", 10))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.SQL_ERROR);
                    assertThat(e.getMessage()).startsWith("Conversion Error: Could not convert string '…' to INT32")
                            .doesNotContain("jane@x.com", "joe@x.com");
                    assertThat(e.getCause()).hasMessageNotContaining("jane@x.com");
                });
    }

    @Test
    void buildingATableFromValuesThatDoNotConvertSaysSoWithoutThem() {
        assertThatThrownBy(() -> engine.createSqlTable("numbers", "SELECT CAST(email AS INTEGER) AS n FROM customers"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Conversion Error").doesNotContain("jane@x.com");
                    assertThat(e.getCause()).hasMessageNotContaining("jane@x.com");
                });
        assertThat(engine.table("numbers")).isEmpty();
    }

    @Test
    void describeDoesNotRunTheQuery() {
        String failsWhenRun = "SELECT CAST(email AS INTEGER) AS n FROM customers";

        assertThat(engine.describe(failsWhenRun)).containsExactly(new Column("n", "INTEGER"));
    }

    @Test
    void valuesReadTheSameInPreviewsAndCursors() {
        String sql = """
                SELECT DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05' AS ts,
                       TIMESTAMPTZ '2024-01-02 03:04:05+02' AS tz, 12.50::DECIMAL(10,2) AS amount, true AS flag,
                       [1, 2] AS list, {'x': 1} AS struct, 1e30::DOUBLE AS big, NULL::INTEGER AS nothing, 'é' AS text
                """;
        List<String> expected = java.util.Arrays.asList("2024-01-02", "2024-01-02 03:04:05", "2024-01-02 01:04:05+00",
                "12.50", "true", "[1, 2]", "{'x': 1}", "1e+30", null, "é");

        ResultPreview preview = engine.preview(sql, 1);
        List<String> fromCursor = new ArrayList<>();
        try (RowCursor cursor = engine.open(sql)) {
            assertThat(cursor.next()).isTrue();
            for (int i = 0; i < cursor.columns().size(); i++) {
                fromCursor.add(cursor.value(i));
            }
            assertThat(cursor.next()).isFalse();
        }

        assertThat(preview.rows()).containsExactly(expected);
        assertThat(fromCursor).isEqualTo(expected);
        assertThat(preview.columns()).extracting(Column::type).containsExactly("DATE", "TIMESTAMP",
                "TIMESTAMP WITH TIME ZONE", "DECIMAL(10,2)", "BOOLEAN", "INTEGER[]", "STRUCT(x INTEGER)", "DOUBLE",
                "INTEGER", "VARCHAR");
    }

    @Test
    void columnsKeepTheirNamesEvenWhenRepeated() {
        ResultPreview preview = engine.preview("SELECT id, id FROM customers ORDER BY id;", 5);

        assertThat(preview.columns()).extracting(Column::name).containsExactly("id", "id");
        assertThat(preview.rows()).containsExactly(List.of("1", "1"), List.of("2", "2"));
    }

    @Test
    void queriesMayEndWithSemicolonsAndComments() {
        assertThat(engine.preview("SELECT id FROM customers ORDER BY id; -- the end", 1).rows()).containsExactly(List.of("1"));
        assertThat(engine.createSqlTable("top", "SELECT id FROM customers -- no newline after").rowCount()).isEqualTo(2);
    }

    @Test
    void previewOfZeroRowsStillSaysWhetherThereAreMore() {
        ResultPreview preview = engine.preview("SELECT id FROM customers", 0);

        assertThat(preview.rows()).isEmpty();
        assertThat(preview.truncated()).isTrue();
    }

    @Test
    void valueBeforeNextIsAMistake() {
        try (RowCursor cursor = engine.open("SELECT id FROM customers")) {
            assertThatThrownBy(() -> cursor.value(0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void failureWhileStreamingIsASqlErrorSafeToLog() {
        String sql = "SELECT CASE WHEN range < 100000 THEN range::VARCHAR ELSE 'jane@x.com' END::INTEGER AS n FROM range(200000)";

        assertThatThrownBy(() -> {
            try (RowCursor cursor = engine.open(sql)) {
                while (cursor.next()) {
                    cursor.value(0);
                }
            }
        }).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.getMessage()).startsWith("Conversion Error").doesNotContain("jane@x.com");
            assertThat(e.getCause().getMessage()).doesNotContain("jane@x.com");
        });
    }

    @Test
    void referencedTablesFollowJoinsSubqueriesSetOperationsAndScopes() {
        assertThat(engine.referencedTables("SELECT * FROM a JOIN b USING (id) LEFT JOIN (SELECT * FROM c) AS sub ON true"))
                .containsExactly("a", "b", "c");
        assertThat(engine.referencedTables("SELECT id FROM a UNION ALL SELECT id FROM s.b EXCEPT SELECT id FROM db.s.c"))
                .containsExactlyInAnyOrder("a", "s.b", "db.s.c");
        assertThat(engine.referencedTables("SELECT * FROM \"My Table\" WHERE x IN (SELECT x FROM other)"))
                .containsExactlyInAnyOrder("My Table", "other");
        assertThat(engine.referencedTables("FROM customers SELECT id")).containsExactly("customers");
    }

    @Test
    void referencedTablesHonourCteScopes() {
        String nested = """
                WITH outer_cte AS (
                    WITH inner_cte AS (SELECT * FROM base)
                    SELECT * FROM inner_cte JOIN Outer_Cte_Lookalike USING (id)
                )
                SELECT * FROM outer_cte, (SELECT * FROM inner_cte) AS not_a_cte_here, main.outer_cte
                """;

        assertThat(engine.referencedTables(nested))
                .containsExactlyInAnyOrder("base", "Outer_Cte_Lookalike", "inner_cte", "main.outer_cte");
        assertThat(engine.referencedTables("WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r"))
                .isEmpty();
    }

    @Test
    void referencedTablesDoNotBindTheQuery() {
        assertThat(engine.referencedTables("SELECT nonsense_column FROM table_that_does_not_exist"))
                .containsExactly("table_that_does_not_exist");
    }

    @Test
    void tableFunctionsThatReadFilesOrOtherSystemsAreRefusedEverywhereUserSqlGoes() {
        for (String sql : java.util.List.of("SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM customers WHERE email IN (SELECT column0 FROM read_csv_auto('/etc/hosts'))",
                "WITH x AS (SELECT * FROM read_text('/etc/hostname')) SELECT * FROM x",
                "SELECT * FROM customers UNION ALL SELECT * FROM read_parquet('s3://bucket/x.parquet')")) {
            assertThatThrownBy(() -> engine.describe(sql)).as(sql).isInstanceOf(dev.cohort.engine.EngineException.class)
                    .hasMessageContaining("which reads files or other systems").hasMessageContaining("Load the data as a table");
            assertThatThrownBy(() -> engine.preview(sql, 1)).as(sql).hasMessageContaining("which reads files");
            assertThatThrownBy(() -> engine.referencedTables(sql)).as(sql).hasMessageContaining("which reads files");
        }
        assertThatThrownBy(() -> engine.createSqlTable("stolen", "SELECT * FROM read_csv('/etc/passwd')"))
                .hasMessageContaining("read_csv(…), which reads files");
        assertThat(engine.preview("SELECT * FROM range(3) r(i)", 10).rows()).hasSize(3);
        assertThat(engine.preview("SELECT * FROM generate_series(1, 2) g(i)", 10).rows()).hasSize(2);
    }
}

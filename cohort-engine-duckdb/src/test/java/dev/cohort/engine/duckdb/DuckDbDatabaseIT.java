package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineException;
import dev.cohort.engine.Engines;
import dev.cohort.engine.RowCursor;
import dev.cohort.engine.TableInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file and process-level settings of the DuckDB engine. */
class DuckDbDatabaseIT {
    @TempDir
    Path directory;

    @Test
    void createsTheFileAndItsDirectoriesAndKeepsTablesAcrossRestarts() {
        Path file = directory.resolve("a/b/customer360.duckdb");
        try (DuckDbEngine engine = DuckDbEngine.open(file)) {
            engine.createSqlTable("customers", "SELECT range AS id FROM range(5)");
        }
        assertThat(file).isRegularFile();

        try (DuckDbEngine engine = DuckDbEngine.open(file)) {
            assertThat(engine.table("customers")).map(TableInfo::rowCount).contains(5L);
        }
    }

    @Test
    void spillsNextToTheDatabaseFile() {
        Path file = directory.resolve("customer360.duckdb");
        try (DuckDbEngine engine = DuckDbEngine.open(file)) {
            assertThat(setting(engine, "temp_directory")).isEqualTo(file + ".tmp");
        }
    }

    @Test
    void memoryLimitDefaultsToHalfTheMachineAndCanBeSet() {
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            assertThat(setting(engine, "memory_limit")).isNotBlank();
        }
        System.setProperty(DuckDbSettings.MEMORY_LIMIT_PROPERTY, "300MB");
        System.setProperty(DuckDbSettings.THREADS_PROPERTY, "1");
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            assertThat(setting(engine, "memory_limit")).isEqualTo("286.1 MiB");
            assertThat(setting(engine, "threads")).isEqualTo("1");
        } finally {
            System.clearProperty(DuckDbSettings.MEMORY_LIMIT_PROPERTY);
            System.clearProperty(DuckDbSettings.THREADS_PROPERTY);
        }
    }

    @Test
    void aMemoryLimitDuckDbDoesNotUnderstandStopsTheStart() {
        System.setProperty(DuckDbSettings.MEMORY_LIMIT_PROPERTY, "lots");
        try {
            assertThatThrownBy(DuckDbEngine::inMemory)
                    .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.getMessage())
                            .contains("memory limit lots", DuckDbSettings.MEMORY_LIMIT_PROPERTY));
        } finally {
            System.clearProperty(DuckDbSettings.MEMORY_LIMIT_PROPERTY);
        }
    }

    @Test
    void stagingTablesAreNeverListedAndLeftoversAreDroppedOnStart() throws SQLException {
        Path file = directory.resolve("customer360.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers AS SELECT 1 AS id");
            statement.execute("CREATE TABLE " + TableCatalog.STAGING_PREFIX + "crashed AS SELECT 1 AS id");
        }

        try (DuckDbEngine engine = DuckDbEngine.open(file)) {
            assertThat(engine.tables()).extracting(TableInfo::name).containsExactly("customers");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement();
             java.sql.ResultSet left = statement.executeQuery(
                     "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%crashed'")) {
            left.next();
            assertThat(left.getLong(1)).as("the crashed staging table was dropped").isZero();
        }
    }

    @Test
    void isFoundByItsName() {
        try (Engine engine = Engines.open("duckdb", directory.resolve("customer360.duckdb"))) {
            assertThat(engine).isInstanceOf(DuckDbEngine.class);
            assertThat(engine.name()).isEqualTo("duckdb");
        }
    }

    @Test
    void aCursorOutlivesTheEngineThatOpenedIt() {
        RowCursor cursor;
        try (DuckDbEngine engine = DuckDbEngine.inMemory()) {
            cursor = engine.open("SELECT range FROM range(3)");
        }
        try (cursor) {
            int rows = 0;
            while (cursor.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(3);
        }
    }

    @Test
    void aClosedEngineSaysSo() {
        DuckDbEngine engine = DuckDbEngine.inMemory();
        engine.close();

        assertThatThrownBy(engine::tables).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /**
     * Proves that rows stream: the query fails only at its nine millionth row, yet the first rows are read
     * before that. A result materialized before its first row (what DuckDB's JDBC driver does without
     * {@code jdbc_stream_results}) would fail in {@code open}, having held every row before it.
     */
    @Test
    void rowsArriveBeforeTheQueryHasRunToItsEnd() {
        String sql = "SELECT CASE WHEN range < 9000000 THEN range ELSE error('stop') END AS n FROM range(10000000)";
        try (DuckDbEngine engine = DuckDbEngine.inMemory(); RowCursor cursor = engine.open(sql)) {
            for (int row = 0; row < 10_000; row++) {
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.value(0)).isEqualTo(Integer.toString(row));
            }
            assertThatThrownBy(() -> {
                while (cursor.next()) {
                    cursor.value(0);
                }
            }).isInstanceOf(EngineException.class).hasMessageContaining("stop");
        }
    }

    private static String setting(DuckDbEngine engine, String name) {
        return engine.preview("SELECT current_setting(" + engine.dialect().quoteLiteral(name) + ")::VARCHAR", 1).rows().get(0).get(0);
    }
}

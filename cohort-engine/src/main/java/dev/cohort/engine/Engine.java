package dev.cohort.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A customer 360 database. One engine instance serves one workspace; it is thread-safe (each call
 * may use its own connection). Table names are SQL identifiers, compared case-insensitively.
 *
 * <p>Every method that changes a table does it atomically: a failed load or build leaves the previous
 * table as it was.
 */
public interface Engine extends AutoCloseable {
    /** A short name for messages: {@code duckdb}. */
    String name();

    /** Loads a file into a table, replacing it if it exists. Fails with {@link EngineException#BAD_ROWS} on bad rows unless asked to skip them. */
    LoadResult load(LoadRequest request);

    /** Creates or replaces {@code table} with the result of {@code sql}. */
    TableInfo createSqlTable(String table, String sql);

    /** Drops a table if it exists. */
    void dropTable(String table);

    List<TableInfo> tables();

    Optional<TableInfo> table(String table);

    /**
     * Validates {@code sql} without running it to the end and returns its output columns. Fails with
     * the engine's message (unknown table or column, syntax error) as an {@link EngineException}.
     */
    List<Column> describe(String sql);

    /** The tables (by name, as written) that {@code sql} reads, not counting CTE names. */
    Set<String> referencedTables(String sql);

    /** The first {@code limit} rows of {@code sql}. */
    ResultPreview preview(String sql, int limit);

    /** Streams all rows of {@code sql}; memory does not grow with the result. */
    RowCursor open(String sql);

    /** This engine's SQL: quoting, and which transforms it runs exactly as Cohort's Java does. */
    SqlDialect dialect();

    /** Whether {@link #exportCsv} can write {@code encoding} exactly. */
    default boolean canExportCsv(dev.cohort.spi.destination.CsvEncoding encoding) {
        return false;
    }

    /**
     * Writes every row of {@code sql} as CSV data lines (no header), encoded exactly as {@code encoding}
     * says, into {@code target} — a file or a named pipe — with the engine's own writer: the fast path
     * for large results, no value passing through Java. Returns the number of rows written.
     *
     * @throws UnsupportedOperationException when {@link #canExportCsv} is false for {@code encoding}
     */
    default long exportCsv(String sql, dev.cohort.spi.destination.CsvEncoding encoding, java.nio.file.Path target) {
        throw new UnsupportedOperationException(name() + " cannot export " + encoding);
    }

    @Override
    void close();
}

package dev.cohort.engine.duckdb;

import dev.cohort.engine.Column;
import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineException;
import dev.cohort.engine.LoadRequest;
import dev.cohort.engine.LoadResult;
import dev.cohort.engine.ResultPreview;
import dev.cohort.engine.RowCursor;
import dev.cohort.engine.SqlDialect;
import dev.cohort.spi.destination.CsvEncoding;
import dev.cohort.engine.TableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The customer 360 engine on embedded DuckDB: one database file per workspace, in this process.
 *
 * <p>Thread-safe: every call works on its own DuckDB connection. A {@link RowCursor} keeps its connection
 * until closed, so cursors may outlive {@link #close()}. One process may open a database file once;
 * another process holding it makes {@link #open} fail.
 *
 * <p>Settings, read when the database opens: {@code -Dcohort.duckdb.memoryLimit} (default {@code 50%} of
 * the machine's memory; a size such as {@code 8GB} also works), {@code -Dcohort.duckdb.threads} (default:
 * one per core). DuckDB spills to {@code <database file>.tmp/}. Timestamps with a time zone are shown in UTC.
 */
public final class DuckDbEngine implements Engine {
    private final ConnectionSource connections;
    private final TableCatalog catalog = new TableCatalog();
    private final TableLoader loader;
    private final Path spillDirectoryToDelete;

    private DuckDbEngine(ConnectionSource connections, Path spillDirectoryToDelete) {
        this.connections = connections;
        this.loader = new TableLoader(connections, catalog);
        this.spillDirectoryToDelete = spillDirectoryToDelete;
    }

    /** Opens the database in {@code databaseFile}, creating the file and its directories if needed. */
    public static DuckDbEngine open(Path databaseFile) {
        Path file = databaseFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new EngineException(EngineException.FILE_NOT_READABLE,
                    "Cannot create the directory " + file.getParent() + " for the database: " + e.getMessage(), e);
        }
        Path spill = file.resolveSibling(file.getFileName() + ".tmp");
        return start("jdbc:duckdb:" + file, file.toString(), DuckDbSettings.fromSystemProperties(spill), null);
    }

    /** A database in memory, gone when closed: for tests. */
    public static DuckDbEngine inMemory() {
        Path spill = Path.of(System.getProperty("java.io.tmpdir"), "cohort-duckdb-" + UUID.randomUUID() + ".tmp");
        return start("jdbc:duckdb:", "an in-memory database", DuckDbSettings.fromSystemProperties(spill), spill);
    }

    private static DuckDbEngine start(String url, String description, DuckDbSettings settings, Path spillToDelete) {
        ConnectionSource connections;
        try {
            connections = ConnectionSource.open(url, description, settings);
        } catch (SQLException e) {
            throw new EngineException(EngineException.ENGINE_FAILURE, "Cannot open DuckDB database " + description
                    + " (memory limit " + settings.memoryLimit() + ", set with -D" + DuckDbSettings.MEMORY_LIMIT_PROPERTY
                    + "): " + EngineMessages.fromDuckDb(e.getMessage()), e);
        }
        DuckDbEngine engine = new DuckDbEngine(connections, spillToDelete);
        try (Connection connection = connections.connect()) {
            engine.catalog.dropLeftoverStagingTables(connection);
        } catch (SQLException e) {
            engine.close();
            throw DuckDbFailures.internal("cleaning up after an interrupted load", e);
        }
        return engine;
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public LoadResult load(LoadRequest request) {
        requireUserTableName(request.table());
        return loader.load(request);
    }

    @Override
    public TableInfo createSqlTable(String table, String sql) {
        requireUserTableName(table);
        String staging = TableCatalog.newStagingName();
        try (Connection connection = connections.connect()) {
            QuerySyntax.requireSingleSelect(connection, sql);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE main." + DuckDbSql.identifier(staging) + " AS\n" + sql);
                catalog.replace(connection, staging, table);
            } finally {
                catalog.dropQuietly(connection, staging);
            }
            return catalog.table(connection, table)
                    .orElseThrow(() -> new IllegalStateException("table " + table + " vanished right after it was built"));
        } catch (SQLException e) {
            throw DuckDbFailures.query(e);
        }
    }

    @Override
    public void dropTable(String table) {
        requireUserTableName(table);
        try (Connection connection = connections.connect()) {
            catalog.drop(connection, table);
        } catch (SQLException e) {
            throw DuckDbFailures.internal("dropping table " + table, e);
        }
    }

    @Override
    public List<TableInfo> tables() {
        try (Connection connection = connections.connect()) {
            return catalog.tables(connection);
        } catch (SQLException e) {
            throw DuckDbFailures.internal("listing tables", e);
        }
    }

    @Override
    public Optional<TableInfo> table(String table) {
        try (Connection connection = connections.connect()) {
            return catalog.table(connection, table);
        } catch (SQLException e) {
            throw DuckDbFailures.internal("reading table " + table, e);
        }
    }

    @Override
    public List<Column> describe(String sql) {
        try (Connection connection = connections.connect()) {
            return describe(connection, sql);
        } catch (SQLException e) {
            throw DuckDbFailures.query(e);
        }
    }

    @Override
    public Set<String> referencedTables(String sql) {
        try (Connection connection = connections.connect()) {
            return TableReferences.of(QuerySyntax.requireSingleSelect(connection, sql));
        } catch (SQLException e) {
            throw DuckDbFailures.query(e);
        }
    }

    @Override
    public ResultPreview preview(String sql, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        try (RowCursor cursor = open(sql)) {
            List<List<String>> rows = new ArrayList<>();
            boolean more = false;
            while (cursor.next()) {
                if (rows.size() == limit) {
                    more = true;
                    break;
                }
                List<String> row = new ArrayList<>(cursor.columns().size());
                for (int i = 0; i < cursor.columns().size(); i++) {
                    row.add(cursor.value(i));
                }
                rows.add(row);
            }
            return new ResultPreview(cursor.columns(), rows, more);
        }
    }

    @Override
    public RowCursor open(String sql) {
        Connection connection;
        try {
            connection = connections.connect();
        } catch (SQLException e) {
            throw DuckDbFailures.internal("opening a connection", e);
        }
        List<Column> columns;
        try {
            columns = describe(connection, sql);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw DuckDbFailures.query(e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        return TextCursor.open(connection, sql, columns);
    }

    @Override
    public boolean canExportCsv(CsvEncoding encoding) {
        return CsvExport.supports(encoding);
    }

    @Override
    public long exportCsv(String sql, CsvEncoding encoding, Path target) {
        if (!CsvExport.supports(encoding)) {
            throw new UnsupportedOperationException("DuckDB's CSV writer cannot produce " + encoding);
        }
        try (Connection connection = connections.connect()) {
            QuerySyntax.requireSingleSelect(connection, sql);
            return CsvExport.run(connection, sql, encoding, target);
        } catch (SQLException e) {
            throw DuckDbFailures.query(e);
        }
    }

    @Override
    public SqlDialect dialect() {
        return DuckDbDialect.INSTANCE;
    }

    @Override
    public void close() {
        try {
            connections.close();
        } catch (SQLException e) {
            throw DuckDbFailures.internal("closing the database", e);
        } finally {
            if (spillDirectoryToDelete != null) {
                SpillDirectory.deleteQuietly(spillDirectoryToDelete);
            }
        }
    }

    /** Checks {@code sql}, then prepares it (binding, not running it) to read its output columns. */
    private static List<Column> describe(Connection connection, String sql) throws SQLException {
        QuerySyntax.requireSingleSelect(connection, sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            ResultSetMetaData metaData = statement.getMetaData();
            List<Column> columns = new ArrayList<>(metaData.getColumnCount());
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                columns.add(new Column(metaData.getColumnName(i), metaData.getColumnTypeName(i)));
            }
            return columns;
        }
    }

    private static void requireUserTableName(String table) {
        if (table == null || table.isBlank()) {
            throw new EngineException(EngineException.SQL_ERROR, "A table name is required.");
        }
        if (TableCatalog.isStagingName(table)) {
            throw new EngineException(EngineException.SQL_ERROR, "Table names starting with "
                    + TableCatalog.STAGING_PREFIX + " are reserved for Cohort's staging tables: choose another name.");
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // already failing: the first failure is the one to report
        }
    }
}

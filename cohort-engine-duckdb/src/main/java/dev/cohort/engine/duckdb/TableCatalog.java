package dev.cohort.engine.duckdb;

import dev.cohort.engine.Column;
import dev.cohort.engine.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's tables in DuckDB's {@code main} schema, and the staging tables that loads and builds fill
 * before they replace a table. Staging tables are named {@value #STAGING_PREFIX}… and never listed.
 * Thread-safe: replacing and dropping tables are serialized, so two of them never conflict in DuckDB.
 *
 * <p>Results stream ({@code jdbc_stream_results}), and a DuckDB connection has one open result at a time:
 * each result here is closed before the next query on the same connection.
 */
final class TableCatalog {
    static final String STAGING_PREFIX = "__cohort_staging_";

    private static final String USER_TABLES = """
            SELECT table_name FROM duckdb_tables()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary AND NOT internal
              AND NOT starts_with(table_name, '%s')
            """.formatted(STAGING_PREFIX);
    private static final String COLUMNS = """
            SELECT table_name, column_name, data_type FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
            """;
    private static final String COLUMN_ORDER = " ORDER BY table_name, column_index";

    private static final Logger LOG = LoggerFactory.getLogger(TableCatalog.class);

    private final ReentrantLock changeLock = new ReentrantLock();

    /** A fresh, unique staging table name. */
    static String newStagingName() {
        return STAGING_PREFIX + UUID.randomUUID().toString().replace("-", "");
    }

    static boolean isStagingName(String table) {
        return table.toLowerCase(Locale.ROOT).startsWith(STAGING_PREFIX);
    }

    /** All user tables with columns and exact row counts, as of one moment. */
    List<TableInfo> tables(Connection connection) throws SQLException {
        return inReadTransaction(connection, () -> {
            List<String> names = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(USER_TABLES + "ORDER BY table_name")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            Map<String, List<Column>> columns = columns(connection);
            List<TableInfo> tables = new ArrayList<>();
            for (String name : names) {
                tables.add(new TableInfo(name, columns.getOrDefault(name, List.of()), rowCount(connection, name)));
            }
            return tables;
        });
    }

    /** The user table named {@code table}, compared case-insensitively. */
    Optional<TableInfo> table(Connection connection, String table) throws SQLException {
        return inReadTransaction(connection, () -> {
            Optional<String> name = storedName(connection, table);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new TableInfo(name.get(), columnsOf(connection, name.get()), rowCount(connection, name.get())));
        });
    }

    /** The columns of a table (staging tables included), in order. */
    List<Column> columnsOf(Connection connection, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS + "AND table_name = ?" + COLUMN_ORDER)) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(new Column(result.getString(2), result.getString(3)));
                }
            }
        }
        return columns;
    }

    /** Replaces {@code table} with {@code staging} in one transaction: readers see the old table or the new one. */
    void replace(Connection connection, String staging, String table) throws SQLException {
        changeLock.lock();
        try {
            inWriteTransaction(connection, statement -> {
                statement.execute("DROP TABLE IF EXISTS main." + DuckDbSql.identifier(table));
                statement.execute("ALTER TABLE main." + DuckDbSql.identifier(staging)
                        + " RENAME TO " + DuckDbSql.identifier(table));
            });
        } finally {
            changeLock.unlock();
        }
    }

    void drop(Connection connection, String table) throws SQLException {
        changeLock.lock();
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS main." + DuckDbSql.identifier(table));
        } finally {
            changeLock.unlock();
        }
    }

    /** Drops a staging table if it is still there, logging instead of failing: the next start drops leftovers. */
    void dropQuietly(Connection connection, String staging) {
        try {
            drop(connection, staging);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop staging table {}; it is dropped when the database next opens", staging, e);
        }
    }

    /** Drops staging tables a crashed process left behind. */
    void dropLeftoverStagingTables(Connection connection) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT table_name FROM duckdb_tables()"
                     + " WHERE database_name = current_database() AND schema_name = 'main'"
                     + " AND starts_with(table_name, '" + STAGING_PREFIX + "')")) {
            while (result.next()) {
                leftovers.add(result.getString(1));
            }
        }
        for (String staging : leftovers) {
            drop(connection, staging);
        }
    }

    /** The name, as stored, of the user table called {@code table} in any case. */
    private static Optional<String> storedName(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(USER_TABLES + "AND lower(table_name) = lower(?)")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    private static Map<String, List<Column>> columns(Connection connection) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(COLUMNS + COLUMN_ORDER)) {
            while (result.next()) {
                columns.computeIfAbsent(result.getString(1), name -> new ArrayList<>())
                        .add(new Column(result.getString(2), result.getString(3)));
            }
        }
        return columns;
    }

    private static long rowCount(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM main." + DuckDbSql.identifier(table))) {
            result.next();
            return result.getLong(1);
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private interface SqlChange {
        void run(Statement statement) throws SQLException;
    }

    private static <T> T inReadTransaction(Connection connection, SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            return work.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void inWriteTransaction(Connection connection, SqlChange change) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            change.run(statement);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}

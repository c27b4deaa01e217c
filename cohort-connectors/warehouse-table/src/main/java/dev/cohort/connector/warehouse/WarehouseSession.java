package dev.cohort.connector.warehouse;

import dev.cohort.spi.destination.PartnerException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBC connection to the destination's database, and what the connector asks of it: names quoted
 * its way, its limits, its catalog (schemas, tables, columns) and statements whose failures come back
 * classified ({@link SqlFailures}). Not thread-safe: one per delivery or check.
 */
final class WarehouseSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseSession.class);

    private final WarehouseTableConfig config;
    private final Connection connection;
    private final boolean postgres;
    private final String quote;
    private final boolean transactionalDdl;
    private final int maxTableNameBytes;
    private final int maxColumnNameBytes;
    private final String product;

    /** A statement of the session that may throw. */
    interface SqlAction<T> {
        T run(Connection connection) throws SQLException;
    }

    private WarehouseSession(WarehouseTableConfig config, Connection connection) throws SQLException {
        this.config = config;
        this.connection = connection;
        this.postgres = connection.isWrapperFor(PGConnection.class);
        DatabaseMetaData metadata = connection.getMetaData();
        this.quote = metadata.getIdentifierQuoteString();
        this.transactionalDdl = metadata.supportsDataDefinitionAndDataManipulationTransactions();
        this.maxTableNameBytes = limit(metadata.getMaxTableNameLength());
        this.maxColumnNameBytes = limit(metadata.getMaxColumnNameLength());
        this.product = metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion();
    }

    /**
     * Connects and logs in.
     *
     * @param timeout how long connecting and logging in may take (PostgreSQL; other drivers use their own)
     * @throws PartnerException classified: unknown host, refused, authentication, missing database, …
     */
    static WarehouseSession connect(WarehouseTableConfig config, Duration timeout) {
        Properties properties = new Properties();
        properties.setProperty("user", config.credentials().username());
        config.credentials().optionalPassword().ifPresent(password -> properties.setProperty("password", password));
        String action = "connect to " + config.jdbcUrl().describe() + " as user '" + config.credentials().username() + "'";
        Connection connection = null;
        try {
            if (config.jdbcUrl().isPostgres()) {
                String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
                properties.setProperty("connectTimeout", seconds);
                properties.setProperty("loginTimeout", seconds);
                properties.setProperty("ApplicationName", "Cohort");
                properties.setProperty("tcpKeepAlive", "true");
                // The server's DETAIL may quote a row's values; messages and logs must not.
                properties.setProperty("logServerErrorDetail", "false");
                connection = new org.postgresql.Driver().connect(config.jdbcUrl().value(), properties);
            } else {
                connection = DriverManager.getConnection(config.jdbcUrl().value(), properties);
            }
            if (connection == null) {
                throw new SQLException("the driver does not take this URL", "08001");
            }
            return new WarehouseSession(config, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqlFailures.translate(config, action, e);
        }
    }

    Connection connection() {
        return connection;
    }

    WarehouseTableConfig config() {
        return config;
    }

    /** Whether the database is PostgreSQL: COPY, transactional DDL and its catalog are used. */
    boolean isPostgres() {
        return postgres;
    }

    /** Whether CREATE and DROP TABLE take part in the transaction (PostgreSQL: yes), so a rollback undoes them. */
    boolean transactionalDdl() {
        return transactionalDdl;
    }

    /** "PostgreSQL 15.2": for check messages. */
    String product() {
        return product;
    }

    int maxTableNameBytes() {
        return maxTableNameBytes;
    }

    int maxColumnNameBytes() {
        return maxColumnNameBytes;
    }

    /** A name quoted as the database quotes names. */
    String quote(String name) {
        return Identifiers.quote(name, quote);
    }

    /** {@code "schema"."table"} in the destination's schema. */
    String qualified(String table) {
        return quote(config.schema()) + "." + quote(table);
    }

    /** {@code schema.table}, unquoted: for messages. */
    String display(String table) {
        return config.schema() + "." + table;
    }

    /** Starts a transaction: nothing written is visible to others before {@link #commit()}. */
    void begin() {
        run("start a transaction", c -> {
            c.setAutoCommit(false);
            return null;
        });
    }

    void commit() {
        run("commit the transaction", c -> {
            c.commit();
            return null;
        });
    }

    /** Rolls back, logging rather than throwing: used while cleaning up after a failure. */
    void rollbackQuietly() {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Rollback on {} failed (the server rolls back on its own when the connection ends): {}",
                    config.jdbcUrl().describe(), SqlFailures.sqlState(e));
        }
    }

    /** Runs one statement that returns nothing. */
    void execute(String action, String sql) {
        run(action, c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /**
     * Runs {@code work}.
     *
     * @throws PartnerException classified, naming {@code action}
     */
    <T> T run(String action, SqlAction<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlFailures.translate(config, action, e);
        }
    }

    /** Whether the destination's schema exists. */
    boolean schemaExists() {
        return run("look up schema " + config.schema(), c -> {
            DatabaseMetaData metadata = c.getMetaData();
            try (ResultSet schemas = metadata.getSchemas(c.getCatalog(), pattern(metadata, config.schema()))) {
                while (schemas.next()) {
                    if (config.schema().equals(schemas.getString("TABLE_SCHEM"))) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** The relation named {@code table} in the destination's schema, with its columns; empty when there is none. */
    Optional<ExistingTable> table(String table) {
        return run("look up " + display(table), c -> {
            DatabaseMetaData metadata = c.getMetaData();
            String schemaPattern = pattern(metadata, config.schema());
            String tablePattern = pattern(metadata, table);
            String kind = null;
            try (ResultSet tables = metadata.getTables(c.getCatalog(), schemaPattern, tablePattern, null)) {
                while (tables.next() && kind == null) {
                    if (config.schema().equals(tables.getString("TABLE_SCHEM")) && table.equals(tables.getString("TABLE_NAME"))) {
                        kind = tables.getString("TABLE_TYPE");
                    }
                }
            }
            if (kind == null) {
                return Optional.empty();
            }
            List<ExistingTable.Column> columns = new ArrayList<>();
            try (ResultSet rows = metadata.getColumns(c.getCatalog(), schemaPattern, tablePattern, "%")) {
                while (rows.next()) {
                    if (config.schema().equals(rows.getString("TABLE_SCHEM")) && table.equals(rows.getString("TABLE_NAME"))) {
                        boolean fillsItself = rows.getString("COLUMN_DEF") != null || "YES".equals(rows.getString("IS_AUTOINCREMENT"))
                                || "YES".equals(rows.getString("IS_GENERATEDCOLUMN"));
                        columns.add(new ExistingTable.Column(rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME"),
                                !"NO".equals(rows.getString("IS_NULLABLE")), fillsItself));
                    }
                }
            }
            return Optional.of(new ExistingTable(config.schema(), table, kind, columns));
        });
    }

    /** The first column of the first row of a query with text parameters (PostgreSQL catalog questions). */
    <T> T queryOne(String action, String sql, Class<T> type, String... parameters) {
        return run(action, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? result.getObject(1, type) : null;
                }
            }
        });
    }

    /** The rows of a query with text parameters, each as its text columns. */
    List<String[]> queryAll(String action, String sql, String... parameters) {
        return run(action, c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                List<String[]> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    int width = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        String[] row = new String[width];
                        for (int i = 0; i < width; i++) {
                            row[i] = result.getString(i + 1);
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    /** A catalog search pattern that matches {@code name} only: '_' and '%' escaped. */
    private static String pattern(DatabaseMetaData metadata, String name) throws SQLException {
        String escape = metadata.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static int limit(int reported) {
        return reported > 0 ? reported : Integer.MAX_VALUE;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing a warehouse connection failed: {}", SqlFailures.sqlState(e));
            }
        }
    }
}

package dev.cohort.engine.duckdb;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * The one DuckDB database of an engine and the connections to it. Each call of {@link #connect()} gives a
 * new connection (DuckDB's {@code duplicate()}: cheap, same database) that the caller closes; connections
 * may be used from different threads, one thread at a time each. Thread-safe.
 */
final class ConnectionSource implements AutoCloseable {
    private final DuckDBConnection root;
    private final String description;
    private boolean closed;

    private ConnectionSource(DuckDBConnection root, String description) {
        this.root = root;
        this.description = description;
    }

    /**
     * Opens the database at {@code url} ({@code jdbc:duckdb:/path/file.duckdb}, or {@code jdbc:duckdb:}
     * in memory).
     */
    static ConnectionSource open(String url, String description, DuckDbSettings settings) throws SQLException {
        DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection(url, settings.toConnectionProperties());
        try (Statement statement = root.createStatement()) {
            // Timestamps with a time zone print the same on every machine.
            statement.execute("SET GLOBAL TimeZone = 'UTC'");
        } catch (SQLException | RuntimeException e) {
            root.close();
            throw e;
        }
        return new ConnectionSource(root, description);
    }

    /** A new connection to the database; close it when done. */
    synchronized DuckDBConnection connect() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the DuckDB engine for " + description + " is closed");
        }
        return root.duplicate();
    }

    /**
     * Closes the root connection. The database closes when the last connection does, so a cursor still
     * open keeps working until it is closed.
     */
    @Override
    public synchronized void close() throws SQLException {
        if (!closed) {
            closed = true;
            root.close();
        }
    }
}

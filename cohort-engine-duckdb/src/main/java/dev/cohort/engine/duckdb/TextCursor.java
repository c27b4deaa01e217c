package dev.cohort.engine.duckdb;

import dev.cohort.engine.Column;
import dev.cohort.engine.RowCursor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Streams a query's rows as text. The connection streams results ({@code jdbc_stream_results}), so
 * DuckDB computes rows as they are read and memory stays flat however many there are.
 *
 * <p>DuckDB itself turns every value into text ({@code CAST(… AS VARCHAR)}), so a value reads the same
 * here, in a preview and in a file DuckDB writes: {@code 2024-01-02}, {@code 2024-01-02 03:04:05},
 * {@code 12.50}, {@code true}, {@code [1, 2]}, {@code {'x': 1}}.
 *
 * <p>This reads through JDBC's {@code ResultSet} rather than DuckDB's faster chunk API
 * ({@code DuckDBPreparedStatement.query()}): in duckdb_jdbc 2.0.0.1 a query failing mid-stream ends a
 * chunked result as if it were complete, which would silently cut an audience short.
 *
 * <p>Owns its connection and closes it. Not thread-safe.
 */
final class TextCursor implements RowCursor {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet result;
    private final List<Column> columns;
    private boolean onRow;
    private boolean closed;

    private TextCursor(Connection connection, Statement statement, ResultSet result, List<Column> columns) {
        this.connection = connection;
        this.statement = statement;
        this.result = result;
        this.columns = List.copyOf(columns);
    }

    /**
     * Runs {@code sql} (one SELECT, already checked) on {@code connection}, which the cursor then owns,
     * also when this fails.
     *
     * @param columns the query's columns with their own types, as {@link DuckDbEngine#describe} gives them
     */
    static TextCursor open(Connection connection, String sql, List<Column> columns) {
        String text = asText(sql);
        Statement statement = null;
        try {
            statement = connection.createStatement();
            return new TextCursor(connection, statement, statement.executeQuery(text), columns);
        } catch (SQLException e) {
            closeQuietly(statement);
            SQLException failure = HiddenStartFailure.reveal(connection, text, e);
            closeQuietly(connection);
            throw DuckDbFailures.query(failure);
        } catch (RuntimeException e) {
            closeQuietly(statement, connection);
            throw e;
        }
    }

    /** {@code sql} with every column cast to text by DuckDB; {@code query()} also accepts a trailing {@code ;}. */
    static String asText(String sql) {
        return "SELECT CAST(COLUMNS(*) AS VARCHAR) FROM query(" + DuckDbSql.literal(sql) + ")";
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (closed) {
            return false;
        }
        try {
            onRow = result.next();
        } catch (SQLException e) {
            close();
            throw DuckDbFailures.query(e);
        }
        if (!onRow) {
            close();
        }
        return onRow;
    }

    @Override
    public String value(int index) {
        if (!onRow) {
            throw new IllegalStateException("no current row: call next() first, and only while it returns true");
        }
        Objects.checkIndex(index, columns.size());
        try {
            return result.getString(index + 1);
        } catch (SQLException e) {
            throw DuckDbFailures.query(e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onRow = false;
            closeQuietly(result, statement, connection);
        }
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception ignored) {
                    // closing after the fact: nothing left to do
                }
            }
        }
    }
}

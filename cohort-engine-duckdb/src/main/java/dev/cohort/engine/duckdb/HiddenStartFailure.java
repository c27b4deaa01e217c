package dev.cohort.engine.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Recovers the real reason a streamed query failed before its first row.
 *
 * <p>In duckdb_jdbc 2.0.0.1, a query run with {@code jdbc_stream_results} that fails before producing
 * its first rows (a value that does not convert, say) is reported only as
 * {@value #OPAQUE_MESSAGE}. DuckDB's chunk API reports the same failure with its real message, so the
 * query is started once more that way, only to read that message. It fails at the same point again, so
 * this costs no more than the failed attempt did.
 */
final class HiddenStartFailure {
    static final String OPAQUE_MESSAGE = "Invalid Input Error: Invalid result set";

    private HiddenStartFailure() {}

    static boolean isOpaque(SQLException failure) {
        return failure.getMessage() != null && failure.getMessage().strip().equals(OPAQUE_MESSAGE);
    }

    /** The failure with DuckDB's real message if it can be found, else {@code failure} itself. */
    static SQLException reveal(Connection connection, String sql, SQLException failure) {
        if (!isOpaque(failure)) {
            return failure;
        }
        try (DuckDBPreparedStatement statement = connection.unwrap(DuckDBConnection.class).prepare(sql)) {
            statement.query().close();
            return failure;
        } catch (SQLException real) {
            return real;
        }
    }
}

package dev.cohort.engine.duckdb;

import dev.cohort.spi.destination.CsvEncoding;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's own CSV writer ({@code COPY … TO}) producing exactly a {@link CsvEncoding}: values as DuckDB
 * writes them as text, quoted only when they hold the delimiter, the quote or a line break, quotes
 * doubled, the empty string written like NULL (an empty field) — or, when the encoding says so, as {@code ""},
 * which DuckDB's writer does by itself. It writes into a file or a named pipe.
 */
final class CsvExport {
    private CsvExport() {}

    /** DuckDB writes quotes doubled (escape = quote) and quotes only as needed; other encodings go through Java. */
    static boolean supports(CsvEncoding encoding) {
        return !encoding.quoteAll() && encoding.escape() == encoding.quote();
    }

    /** The COPY statement for one single SELECT {@code sql}, already checked. */
    static String statement(String sql, CsvEncoding encoding, Path target) {
        String values = encoding.emptyStringQuoted() ? "CAST(COLUMNS(*) AS VARCHAR)" : "NULLIF(CAST(COLUMNS(*) AS VARCHAR), '')";
        return "COPY (SELECT " + values + " FROM query(" + DuckDbSql.literal(sql) + ")) TO "
                + DuckDbSql.literal(target.toString()) + " (FORMAT csv, HEADER false, DELIMITER "
                + DuckDbSql.literal(String.valueOf(encoding.delimiter())) + ", QUOTE "
                + DuckDbSql.literal(String.valueOf(encoding.quote())) + ", ESCAPE "
                + DuckDbSql.literal(String.valueOf(encoding.escape())) + ", NULLSTR '', COMMENT '')";
    }

    /** Runs the COPY and returns the number of rows it wrote. */
    static long run(Connection connection, String sql, CsvEncoding encoding, Path target) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(statement(sql, encoding, target))) {
                try (ResultSet result = statement.getResultSet()) {
                    return result.next() ? result.getLong(1) : 0;
                }
            }
            return Math.max(0, statement.getUpdateCount());
        }
    }
}

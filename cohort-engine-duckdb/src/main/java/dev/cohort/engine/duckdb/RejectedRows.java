package dev.cohort.engine.duckdb;

import dev.cohort.engine.BadRow;
import dev.cohort.engine.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSV rows DuckDB could not read during a load, from the reject table it filled
 * ({@code store_rejects}). Each bad row is reported once, by its editor line, with the column at fault and
 * a reason that holds no value from the row: DuckDB's {@code csv_line} is never read, and its error message
 * only for the column counts of the two errors that carry no data.
 *
 * @param count  bad rows (lines), however many errors each had
 * @param sample the first {@value #SAMPLE_SIZE} bad rows, by line
 */
record RejectedRows(long count, List<BadRow> sample) {
    static final int SAMPLE_SIZE = 20;
    static final RejectedRows NONE = new RejectedRows(0, List.of());

    private static final Logger LOG = LoggerFactory.getLogger(RejectedRows.class);
    private static final Pattern COLUMN_COUNTS = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");

    RejectedRows {
        sample = List.copyOf(sample);
    }

    /**
     * @param columns the columns of the table loaded, for the types named in reasons
     */
    static RejectedRows read(Connection connection, String rejectsTable, Path file, List<Column> columns) throws SQLException {
        String table = DuckDbSql.identifier(rejectsTable);
        long count;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(DISTINCT line) FROM " + table)) {
            result.next();
            count = result.getLong(1);
        }
        if (count == 0) {
            return NONE;
        }
        List<Rejection> rejections = firstRejections(connection, table);
        Map<Long, Long> editorLines = editorLines(file, rejections);
        Map<String, String> types = columns.stream().collect(Collectors.toMap(Column::name, Column::type, (a, b) -> a));
        List<BadRow> sample = rejections.stream()
                .map(rejection -> new BadRow(editorLines.getOrDefault(rejection.bytePosition(), rejection.record()),
                        rejection.column(), reason(rejection, types, columns.size())))
                .toList();
        return new RejectedRows(count, sample);
    }

    /** One row per bad line: its structural error if it has one, else its first bad column. */
    private static List<Rejection> firstRejections(Connection connection, String table) throws SQLException {
        String sql = """
                SELECT line, line_byte_position, column_name, CAST(error_type AS VARCHAR) AS error_type,
                       CASE WHEN error_type IN ('TOO MANY COLUMNS', 'MISSING COLUMNS') THEN error_message END AS counts
                FROM (SELECT *, row_number() OVER (PARTITION BY line ORDER BY error_type = 'CAST', column_idx) AS rank
                      FROM %s)
                WHERE rank = 1 ORDER BY line LIMIT %d
                """.formatted(table, SAMPLE_SIZE);
        List<Rejection> rejections = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rejections.add(new Rejection(result.getLong(1), result.getLong(2), result.getString(3),
                        result.getString(4), result.getString(5)));
            }
        }
        return rejections;
    }

    private static Map<Long, Long> editorLines(Path file, List<Rejection> rejections) {
        try {
            return LineNumbers.ofBytePositions(file, rejections.stream().map(Rejection::bytePosition)
                    .collect(Collectors.toCollection(TreeSet::new)));
        } catch (IOException e) {
            LOG.warn("Could not count lines in {} ({}); reporting DuckDB's record numbers instead", file, e.getMessage());
            return rejections.stream().collect(Collectors.toMap(Rejection::bytePosition, Rejection::record, (a, b) -> a));
        }
    }

    private static String reason(Rejection rejection, Map<String, String> types, int expectedColumns) {
        return switch (rejection.errorType()) {
            case "CAST" -> rejection.column() != null && types.containsKey(rejection.column())
                    ? "could not convert to " + types.get(rejection.column())
                    : "could not convert the value to the column's type";
            case "TOO MANY COLUMNS" -> "too many columns" + counts(rejection, expectedColumns);
            case "MISSING COLUMNS" -> "missing columns" + counts(rejection, expectedColumns);
            case "UNQUOTED VALUE" -> "unterminated quote, or text after a closing quote";
            case "LINE SIZE OVER MAXIMUM" -> "line longer than DuckDB's max_line_size";
            case "INVALID ENCODING" -> "not valid UTF-8 text";
            default -> "cannot be read (" + rejection.errorType().toLowerCase(Locale.ROOT) + ")";
        };
    }

    private static String counts(Rejection rejection, int expectedColumns) {
        Matcher matcher = rejection.counts() == null ? null : COLUMN_COUNTS.matcher(rejection.counts());
        if (matcher != null && matcher.find()) {
            return " (found " + matcher.group(2) + ", expected " + matcher.group(1) + ")";
        }
        return " (expected " + expectedColumns + ")";
    }

    /** One line of DuckDB's reject table, without the line's content. */
    private record Rejection(long record, long bytePosition, String column, String errorType, String counts) {}
}

package dev.cohort.engine;

import java.util.List;

/**
 * The first rows of a query's result, as text (null for SQL NULL), small enough to print.
 *
 * @param truncated whether the query had more rows than were returned
 */
public record ResultPreview(List<Column> columns, List<List<String>> rows, boolean truncated) {
    public ResultPreview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }
}

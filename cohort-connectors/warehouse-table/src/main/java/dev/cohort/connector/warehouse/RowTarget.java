package dev.cohort.connector.warehouse;

import java.util.List;

/**
 * Where a delivery's rows go: a table (the staging table in replace mode) and its column for each field,
 * in field order.
 *
 * @param table   the table's name in the destination's schema, unquoted
 * @param columns the column each field goes into, unquoted
 */
record RowTarget(String table, List<String> columns) {
    RowTarget {
        columns = List.copyOf(columns);
    }
}

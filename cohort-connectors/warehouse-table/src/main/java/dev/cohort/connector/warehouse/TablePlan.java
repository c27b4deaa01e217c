package dev.cohort.connector.warehouse;

import java.util.List;

/**
 * What a mode does to the table around the rows, inside the delivery's one transaction: prepare the
 * table rows go into, publish before the commit, clean up after a rollback.
 */
sealed interface TablePlan permits ReplacePlan, AppendPlan {
    /**
     * Prepares the table the rows go into.
     *
     * @throws dev.cohort.spi.CohortException when the table cannot take the fields, classified
     */
    RowTarget prepare(WarehouseSession session, List<String> fields, List<String> types);

    /** Makes the rows the table's, just before the commit. */
    void publish(WarehouseSession session);

    /** Removes what a rollback did not (a staging table on a database whose DDL is not transactional); never throws. */
    void cleanUp(WarehouseSession session);

    static TablePlan of(WriteMode mode, String table) {
        return switch (mode) {
            case REPLACE -> new ReplacePlan(table);
            case APPEND -> new AppendPlan(table);
        };
    }

    /** CREATE TABLE with one column per field, typed from the field's engine type (see {@link ColumnTypes}). */
    static String createTable(WarehouseSession session, String table, List<String> fields, List<String> types) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(session.qualified(table)).append(" (");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(session.quote(fields.get(i))).append(' ')
                    .append(ColumnTypes.of(types.isEmpty() ? null : types.get(i), session.isPostgres()));
        }
        return sql.append(")").toString();
    }
}

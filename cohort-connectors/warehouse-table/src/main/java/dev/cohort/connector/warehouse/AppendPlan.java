package dev.cohort.connector.warehouse;

import dev.cohort.spi.CohortException;
import java.util.List;
import java.util.Optional;

/**
 * {@code mode: append}: rows go straight into the table, which is created (columns typed from the fields' types) when it does
 * not exist; the delivery's transaction commits them at finish, so readers see none of them before and
 * all of them after. An existing table must fit the fields ({@link ColumnMatch}).
 */
final class AppendPlan implements TablePlan {
    private final String table;

    AppendPlan(String table) {
        this.table = table;
    }

    @Override
    public RowTarget prepare(WarehouseSession session, List<String> fields, List<String> types) {
        Optional<ExistingTable> existing = session.table(table);
        if (existing.isEmpty()) {
            session.execute("create table " + session.display(table), TablePlan.createTable(session, table, fields, types));
            return new RowTarget(table, fields);
        }
        ExistingTable found = existing.get();
        if (!found.isTable()) {
            throw ReplacePlan.notATable(found);
        }
        ColumnMatch match = ColumnMatch.of(fields, found);
        if (!match.fits()) {
            throw new CohortException(WarehouseErrors.COLUMNS_MISMATCH, match.problem(found, session.qualified(table)));
        }
        return new RowTarget(table, match.columns());
    }

    @Override
    public void publish(WarehouseSession session) {
        // the commit publishes the rows
    }

    @Override
    public void cleanUp(WarehouseSession session) {
        // the rollback removes the rows, and the table when this delivery created it (PostgreSQL); elsewhere an empty table stays
    }
}

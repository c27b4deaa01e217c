package dev.cohort.connector.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends rows with one prepared {@code INSERT}, executed as a JDBC batch every {@code batch_rows} rows:
 * for databases other than PostgreSQL. Values are bound as text; the database converts them to the
 * columns' types.
 */
final class InsertRowSink implements RowSink {
    private static final Logger LOG = LoggerFactory.getLogger(InsertRowSink.class);

    private final PreparedStatement insert;
    private final int batchRows;
    private final int width;
    private final String action;
    private int pending;

    InsertRowSink(WarehouseSession session, RowTarget target, int batchRows) {
        this.width = target.columns().size();
        this.batchRows = batchRows;
        this.action = "insert rows into " + session.display(target.table());
        String sql = "INSERT INTO " + session.qualified(target.table()) + " ("
                + target.columns().stream().map(session::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + String.join(", ", Collections.nCopies(width, "?")) + ")";
        this.insert = session.run("prepare the insert into " + session.display(target.table()), c -> c.prepareStatement(sql));
    }

    @Override
    public void add(String[] row, long rowNumber) throws SQLException {
        for (int i = 0; i < width; i++) {
            if (row[i] == null) {
                insert.setNull(i + 1, Types.VARCHAR);
            } else {
                insert.setString(i + 1, row[i]);
            }
        }
        insert.addBatch();
        if (++pending == batchRows) {
            executeBatch();
        }
    }

    @Override
    public void finish() throws SQLException {
        if (pending > 0) {
            executeBatch();
        }
        insert.close();
    }

    @Override
    public void cancel() {
        pending = 0;
        try {
            insert.close();
        } catch (SQLException e) {
            LOG.debug("Closing the insert statement failed (the rollback discards its rows anyway): {}", SqlFailures.sqlState(e));
        }
    }

    @Override
    public long bytes() {
        return 0;
    }

    @Override
    public long rowOfLine(long line) {
        return -1;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public String method() {
        return "INSERT";
    }

    private void executeBatch() throws SQLException {
        insert.executeBatch();
        insert.clearBatch();
        pending = 0;
    }
}

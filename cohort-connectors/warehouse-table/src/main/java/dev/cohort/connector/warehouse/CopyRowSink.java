package dev.cohort.connector.warehouse;

import java.sql.SQLException;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams rows into a PostgreSQL table with {@code COPY … FROM STDIN WITH (FORMAT csv)} through the
 * driver's {@link CopyManager}: rows are encoded as they come and sent every 64 KiB, and each
 * {@code COPY} statement ends after {@code batch_rows} rows, so memory holds one buffer and the row
 * numbers of one statement, whatever the delivery's size.
 */
final class CopyRowSink implements RowSink {
    private static final Logger LOG = LoggerFactory.getLogger(CopyRowSink.class);
    private static final int SEND_BYTES = 1 << 16;

    private final CopyManager copyManager;
    private final String sql;
    private final String action;
    private final CsvCopyEncoder encoder = new CsvCopyEncoder();
    private final long[] rowNumbers;
    private CopyIn copy;
    private int rowsInCopy;
    private long bytes;

    CopyRowSink(WarehouseSession session, RowTarget target, int batchRows) {
        this.copyManager = session.run("start COPY", c -> c.unwrap(PGConnection.class).getCopyAPI());
        this.sql = "COPY " + session.qualified(target.table()) + " ("
                + target.columns().stream().map(session::quote).collect(Collectors.joining(", ")) + ") FROM STDIN WITH (FORMAT csv)";
        this.action = "copy rows into " + session.display(target.table());
        this.rowNumbers = new long[batchRows];
    }

    @Override
    public void add(String[] row, long rowNumber) throws SQLException {
        if (copy == null) {
            copy = copyManager.copyIn(sql);
            rowsInCopy = 0;
        }
        encoder.encode(row);
        rowNumbers[rowsInCopy++] = rowNumber;
        if (encoder.size() >= SEND_BYTES) {
            send();
        }
        if (rowsInCopy == rowNumbers.length) {
            endCopy();
        }
    }

    @Override
    public void finish() throws SQLException {
        if (copy != null) {
            endCopy();
        }
    }

    @Override
    public void cancel() {
        encoder.clear();
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                LOG.debug("Cancelling COPY failed (the rollback discards its rows anyway): {}", SqlFailures.sqlState(e));
            }
        }
        copy = null;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public long rowOfLine(long line) {
        if (encodedRows) {
            return line >= 1 ? line : -1;
        }
        return line >= 1 && line <= rowsInCopy ? rowNumbers[(int) line - 1] : -1;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public String method() {
        return "COPY";
    }

    /**
     * Copies every line of {@code lines} — rows already encoded as {@link dev.cohort.spi.destination.CsvEncoding#POSTGRES_COPY},
     * no header — in one {@code COPY}; returns the rows PostgreSQL took. Line {@code n} of the stream is row {@code n}.
     */
    long copyAll(java.io.InputStream lines) throws SQLException, java.io.IOException {
        java.io.InputStream counted = new java.io.FilterInputStream(lines) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    bytes += read;
                }
                return read;
            }
        };
        encodedRows = true;
        return copyManager.copyIn(sql, counted, SEND_BYTES);
    }

    private boolean encodedRows;

    private void send() throws SQLException {
        if (encoder.size() > 0) {
            copy.writeToCopy(encoder.buffer(), 0, encoder.size());
            bytes += encoder.size();
            encoder.clear();
        }
    }

    private void endCopy() throws SQLException {
        send();
        copy.endCopy();
        copy = null;
    }
}

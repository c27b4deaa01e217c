package dev.cohort.connector.warehouse;

import java.sql.SQLException;

/**
 * Sends rows into a table inside the delivery's transaction, a round trip every {@code batch_rows} rows
 * at most, holding no more than that: {@link CopyRowSink} on PostgreSQL, {@link InsertRowSink} elsewhere.
 */
interface RowSink {
    /** Takes one row, its values in field order (null for SQL NULL). */
    void add(String[] row, long rowNumber) throws SQLException;

    /** Sends what is still held; the rows then wait only for the transaction's commit. */
    void finish() throws SQLException;

    /** Stops sending, discarding what is held; never throws. */
    void cancel();

    /** Bytes sent so far, or 0 when it cannot tell. */
    long bytes();

    /** The delivery's row number of line {@code line} (from 1) of the round trip in progress, or -1. */
    long rowOfLine(long line);

    /** What it is doing, for messages: "copy rows into public.audience". */
    String action();

    /** {@code COPY} or {@code INSERT}: how rows travel, for logs. */
    String method();
}

package dev.cohort.engine;

import java.util.List;

/**
 * A forward-only stream over a query's rows, for results too big to hold. Rows are read as text
 * (null for SQL NULL). Not thread-safe; close it when done, also on failure.
 */
public interface RowCursor extends AutoCloseable {
    List<Column> columns();

    /** Moves to the next row; false at the end. */
    boolean next();

    /** The current row's value in column {@code index} (0-based), as text, or null. */
    String value(int index);

    @Override
    void close();
}

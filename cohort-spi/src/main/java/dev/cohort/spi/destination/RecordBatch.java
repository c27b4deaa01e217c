package dev.cohort.spi.destination;

import java.util.List;
import java.util.Objects;

/**
 * Rows for a writer, each an array of text values (null for SQL NULL) in the order of
 * {@link WriteContext#fields()}, with each row's number in the query's output (from 1). Numbers rise
 * but may skip rows rejected before the destination saw them, so a rejection names the same row the
 * run reports. A writer must not keep the batch after {@code write} returns.
 */
public record RecordBatch(long[] rowNumbers, List<String[]> rows) {
    public RecordBatch {
        Objects.requireNonNull(rowNumbers, "rowNumbers");
        rows = List.copyOf(rows);
        if (rowNumbers.length != rows.size()) {
            throw new IllegalArgumentException("one row number per row: " + rowNumbers.length + " for " + rows.size());
        }
    }

    /** Rows numbered {@code first}, {@code first + 1}, …. */
    public static RecordBatch numberedFrom(long first, List<String[]> rows) {
        long[] numbers = new long[rows.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = first + i;
        }
        return new RecordBatch(numbers, rows);
    }

    public int size() {
        return rows.size();
    }

    public long rowNumber(int index) {
        return rowNumbers[index];
    }
}

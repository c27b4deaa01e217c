package dev.cohort.spi.destination;

import java.util.List;

/**
 * Rows for a writer, each an array of text values (null for SQL NULL) in the order of
 * {@link WriteContext#fields()}. Row numbers count from 1 over the whole delivery, so a rejection
 * names the same row the run reports. A writer must not keep the batch after {@code write} returns.
 *
 * @param firstRowNumber the number of {@code rows.get(0)}
 */
public record RecordBatch(long firstRowNumber, List<String[]> rows) {
    public RecordBatch {
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }
}

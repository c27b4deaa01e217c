package dev.cohort.engine;

import java.util.List;

/**
 * The outcome of a load.
 *
 * @param rowsLoaded     rows now in the table
 * @param rowsSkipped    bad rows skipped (with {@link dev.cohort.model.BadRowPolicy#SKIP})
 * @param badRowsSample  the first bad rows (at most 20), by line
 */
public record LoadResult(TableInfo table, long rowsLoaded, long rowsSkipped, List<BadRow> badRowsSample) {
    public LoadResult {
        badRowsSample = List.copyOf(badRowsSample);
    }
}

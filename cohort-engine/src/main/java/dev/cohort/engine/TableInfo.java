package dev.cohort.engine;

import java.util.List;

/** A table of the database with its columns and row count. */
public record TableInfo(String name, List<Column> columns, long rowCount) {
    public TableInfo {
        columns = List.copyOf(columns);
    }
}

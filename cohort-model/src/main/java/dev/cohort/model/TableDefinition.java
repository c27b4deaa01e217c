package dev.cohort.model;

import java.util.Set;

/** A table of the customer 360 database: loaded from a file, or built by SQL over other tables. */
public sealed interface TableDefinition permits LoadedTable, SqlTable {
    String name();

    String description();

    /** Columns whose values are personally identifiable: redacted for people who may not see PII. */
    Set<String> piiColumns();
}

package dev.cohort.model;

import java.util.Objects;
import java.util.Set;

/**
 * A table built from a SQL statement over other tables, rebuilt when its SQL or an upstream table
 * changes.
 *
 * @param sql     the statement
 * @param sqlFile the file it was read from, relative to the workspace folder (null when inline)
 */
public record SqlTable(String name, String description, String sql, String sqlFile, Set<String> piiColumns)
        implements TableDefinition {
    public SqlTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        description = description == null ? "" : description;
        piiColumns = Set.copyOf(piiColumns);
    }
}

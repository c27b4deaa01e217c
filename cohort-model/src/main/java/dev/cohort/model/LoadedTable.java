package dev.cohort.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table loaded from a file.
 *
 * @param columns declared schema, in file order; empty to let the engine infer it
 * @param piiColumns PII columns (those declared with {@code pii: true} are included)
 */
public record LoadedTable(String name, String description, TableSource source, List<ColumnDefinition> columns,
                          Set<String> piiColumns) implements TableDefinition {
    public LoadedTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description;
        columns = List.copyOf(columns);
        Set<String> pii = new LinkedHashSet<>(piiColumns);
        columns.stream().filter(ColumnDefinition::pii).map(ColumnDefinition::name).forEach(pii::add);
        piiColumns = Set.copyOf(pii);
    }
}

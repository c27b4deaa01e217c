package dev.cohort.connector.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table (or view, or other relation) found under the destination's table name, as the database's
 * catalog describes it.
 *
 * @param schema  its schema
 * @param name    its name
 * @param kind    the catalog's type: {@code TABLE}, {@code PARTITIONED TABLE}, {@code VIEW}, …
 * @param columns its columns in order
 */
record ExistingTable(String schema, String name, String kind, List<Column> columns) {
    ExistingTable {
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
    }

    /** Whether rows can be written into it: a table, partitioned or not; not a view. */
    boolean isTable() {
        String upper = kind.toUpperCase(Locale.ROOT);
        return upper.equals("TABLE") || upper.equals("BASE TABLE") || upper.equals("PARTITIONED TABLE");
    }

    /** {@code public.audience}: for messages. */
    String displayName() {
        return schema + "." + name;
    }

    /** "customer_id (text), loaded_on (date, NOT NULL)". */
    String describeColumns() {
        return columns.stream().map(Column::describe).collect(Collectors.joining(", "));
    }

    /**
     * One column.
     *
     * @param name       its name
     * @param type       its type as the catalog names it ({@code text}, {@code int8})
     * @param nullable   whether it takes NULL
     * @param hasDefault whether a row without it gets a value anyway (a default, identity, serial or generated column)
     */
    record Column(String name, String type, boolean nullable, boolean hasDefault) {
        String describe() {
            return name + " (" + type + (nullable ? "" : ", NOT NULL") + (hasDefault ? ", has a default" : "") + ")";
        }
    }
}

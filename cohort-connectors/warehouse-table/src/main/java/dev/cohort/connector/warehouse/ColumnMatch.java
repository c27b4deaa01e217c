package dev.cohort.connector.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a delivery's fields meet an existing table's columns. A field goes into the column of the same
 * name — exactly, else the one column whose name differs only in case (a table created with unquoted,
 * lower-case names). The table fits when every field has a column and every other column fills itself
 * (a default, identity, serial or generated column).
 *
 * @param columns            the column each field goes into, in field order (null where there is none)
 * @param fieldsWithoutColumn fields the table has no column for
 * @param columnsWithoutField columns no field fills and that have no default
 */
record ColumnMatch(List<String> columns, List<String> fieldsWithoutColumn, List<ExistingTable.Column> columnsWithoutField) {
    ColumnMatch {
        columns = java.util.Collections.unmodifiableList(new ArrayList<>(columns));
        fieldsWithoutColumn = List.copyOf(fieldsWithoutColumn);
        columnsWithoutField = List.copyOf(columnsWithoutField);
    }

    static ColumnMatch of(List<String> fields, ExistingTable table) {
        List<ExistingTable.Column> unmatched = new ArrayList<>(table.columns());
        List<String> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            Optional<ExistingTable.Column> column = unmatched.stream().filter(c -> c.name().equals(field)).findFirst();
            if (column.isEmpty()) {
                List<ExistingTable.Column> caseInsensitive = unmatched.stream().filter(c -> c.name().equalsIgnoreCase(field)).toList();
                column = caseInsensitive.size() == 1 ? Optional.of(caseInsensitive.get(0)) : Optional.empty();
            }
            column.ifPresentOrElse(c -> {
                columns.add(c.name());
                unmatched.remove(c);
            }, () -> {
                columns.add(null);
                missing.add(field);
            });
        }
        return new ColumnMatch(columns, missing, unmatched.stream().filter(c -> !c.hasDefault()).toList());
    }

    /** Whether rows of these fields can be inserted as the table is. */
    boolean fits() {
        return fieldsWithoutColumn.isEmpty() && columnsWithoutField.isEmpty();
    }

    /** Why the table does not fit, with the columns and types at fault and the ways out. */
    String problem(ExistingTable table, String quotedTable) {
        List<String> parts = new ArrayList<>();
        if (!fieldsWithoutColumn.isEmpty()) {
            parts.add("it has no column for the field" + (fieldsWithoutColumn.size() == 1 ? " " : "s ")
                    + String.join(", ", fieldsWithoutColumn) + " (text values)");
        }
        if (!columnsWithoutField.isEmpty()) {
            parts.add("no field fills the column" + (columnsWithoutField.size() == 1 ? " " : "s ")
                    + columnsWithoutField.stream().map(ExistingTable.Column::describe).collect(Collectors.joining(", "))
                    + ", which " + (columnsWithoutField.size() == 1 ? "has" : "have") + " no default");
        }
        String example = fieldsWithoutColumn.isEmpty() ? ""
                : " (ALTER TABLE " + quotedTable + " ADD COLUMN \"" + fieldsWithoutColumn.get(0).replace("\"", "\"\"") + "\" text)";
        return "The table " + table.displayName() + " does not fit the delivery's fields: " + String.join("; ", parts)
                + ". Its columns are " + table.describeColumns() + ". Add the missing columns" + example
                + ", give the others a default or drop them, map the fields in the data template, or use mode: replace";
    }
}

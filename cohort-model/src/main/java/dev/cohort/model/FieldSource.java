package dev.cohort.model;

import java.util.Objects;

/** Where a data template field takes its value from. */
public sealed interface FieldSource {
    /** A column of the query's output, by name. */
    record Column(String column) implements FieldSource {
        public Column {
            Objects.requireNonNull(column, "column");
        }
    }

    /** A SQL expression over the query's output columns, evaluated by the engine. */
    record Expression(String sql) implements FieldSource {
        public Expression {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /** The same text on every row. */
    record Constant(String value) implements FieldSource {
        public Constant {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Present in the output, always empty. */
    record Blank() implements FieldSource {}
}

package dev.cohort.model;

import java.util.Objects;

/**
 * A declared column of a loaded table.
 *
 * @param name column name
 * @param type SQL type as the engine spells it ({@code VARCHAR}, {@code BIGINT}, {@code DATE}, …)
 * @param pii  whether the values identify a person
 */
public record ColumnDefinition(String name, String type, boolean pii) {
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

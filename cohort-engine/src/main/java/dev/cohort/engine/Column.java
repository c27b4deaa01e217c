package dev.cohort.engine;

import java.util.Objects;

/** A column as the engine reports it: name and SQL type in the engine's spelling. */
public record Column(String name, String type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

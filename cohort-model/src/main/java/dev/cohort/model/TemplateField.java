package dev.cohort.model;

import java.util.List;
import java.util.Objects;

/** One output field of a data template: its name, where its value comes from, and its transforms. */
public record TemplateField(String name, FieldSource source, List<Transform> transforms) {
    public TemplateField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        transforms = List.copyOf(transforms);
    }
}

package dev.cohort.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a query's columns become a destination's fields, in output order.
 *
 * @param destinationType the destination type this template serves (checked against its contract), or
 *                        null for a template usable with any destination
 */
public record DataTemplate(String name, String description, String destinationType, List<TemplateField> fields) {
    public DataTemplate {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        fields = List.copyOf(fields);
    }

    public Optional<String> destinationTypeName() {
        return Optional.ofNullable(destinationType);
    }
}

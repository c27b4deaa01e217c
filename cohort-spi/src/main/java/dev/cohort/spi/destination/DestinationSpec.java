package dev.cohort.spi.destination;

import java.util.Objects;

/**
 * What a destination type declares about itself.
 *
 * @param type        the name used in workspaces ({@code sftp}, {@code koupon-media}); lower-case, dashes
 * @param displayName the name shown to people ("Koupon Media")
 * @param description one sentence
 * @param template    what a data template for this type must provide
 */
public record DestinationSpec(String type, String displayName, String description, TemplateContract template) {
    public DestinationSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(template, "template");
        if (!type.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("destination type must be lower-case with dashes: " + type);
        }
    }
}

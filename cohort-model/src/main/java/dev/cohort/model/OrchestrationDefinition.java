package dev.cohort.model;

import java.util.Objects;

/**
 * Source + destination + data template + workflow.
 *
 * @param template the data template's name, or null to send the query's columns as they are
 */
public record OrchestrationDefinition(String name, String description, OrchestrationSource source,
                                      String destination, String template, Workflow workflow) {
    public OrchestrationDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(workflow, "workflow");
        description = description == null ? "" : description;
    }
}

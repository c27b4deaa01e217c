package dev.cohort.model;

import java.util.Objects;

/**
 * Source + destination + data template + workflow.
 *
 * @param template       the data template's name, or null to send the query's columns as they are
 * @param onInterruption what happens to a run a crash interrupted: it fails, or it also runs again
 */
public record OrchestrationDefinition(String name, String description, OrchestrationSource source,
                                      String destination, String template, Workflow workflow,
                                      InterruptionPolicy onInterruption) {
    public OrchestrationDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(workflow, "workflow");
        description = description == null ? "" : description;
        onInterruption = onInterruption == null ? InterruptionPolicy.FAIL : onInterruption;
    }
}

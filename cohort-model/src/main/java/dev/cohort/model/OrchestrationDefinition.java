package dev.cohort.model;

import java.util.Objects;

/**
 * Source + destination + data template + workflow.
 *
 * @param template       the data template's name, or null to send the query's columns as they are
 * @param onInterruption what happens to a run a crash interrupted: it fails, or it also runs again
 * @param whenRunning    what a request for a run does while another run of it waits or runs
 */
public record OrchestrationDefinition(String name, String description, OrchestrationSource source,
                                      String destination, String template, Workflow workflow,
                                      InterruptionPolicy onInterruption, WhenRunning whenRunning) {
    /** What a new request does while a run of the same orchestration is waiting or running. */
    public enum WhenRunning {
        /** It waits behind the earlier runs (runs of one orchestration never overlap). */
        QUEUE,
        /** It is refused, saying which run is in the way. */
        REFUSE
    }

    public OrchestrationDefinition(String name, String description, OrchestrationSource source, String destination,
                                   String template, Workflow workflow, InterruptionPolicy onInterruption) {
        this(name, description, source, destination, template, workflow, onInterruption, WhenRunning.QUEUE);
    }

    public OrchestrationDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(workflow, "workflow");
        description = description == null ? "" : description;
        onInterruption = onInterruption == null ? InterruptionPolicy.FAIL : onInterruption;
        whenRunning = whenRunning == null ? WhenRunning.QUEUE : whenRunning;
    }
}

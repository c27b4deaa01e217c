package dev.cohort.runtime.workspace;

/** Hears what {@code cohort apply} does, step by step, to show progress. Called on the applying thread. */
public interface ApplyListener {
    ApplyListener SILENT = new ApplyListener() {};

    default void started(PlannedChange change) {}

    /** @param outcome a few words: "40 rows", "active, 12 columns" */
    default void finished(PlannedChange change, String outcome) {}
}

package dev.cohort.runtime.run;

import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import java.time.Duration;

/** Hears how a run goes, to show it. Called from the run's thread; must return quickly. */
public interface RunListener {
    RunListener SILENT = new RunListener() {};

    default void started(Run run) {}

    /** About once a second while rows flow. */
    default void progress(RunCounts counts, long bytes, Duration elapsed) {}

    /** An attempt failed with a temporary error; the next starts after {@code wait}. */
    default void retrying(int failedAttempt, String error, Duration wait) {}

    default void finished(Run run) {}

    /** The run's partner took the delivery and reports later: the run waits for it ({@code Waiting for partner}). */
    default void waiting(Run run) {}

    /** Asked between batches: true stops the run, aborts its delivery and ends it Cancelled. */
    default boolean cancelRequested() {
        return false;
    }
}

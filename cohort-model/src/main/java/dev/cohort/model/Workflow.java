package dev.cohort.model;

import java.time.ZoneId;
import java.util.Objects;

/** When an orchestration runs. */
public sealed interface Workflow {
    /** Only when someone asks. */
    record Manual() implements Workflow {}

    /** On a cron schedule, read in a time zone (daylight saving included). */
    record Automatic(String cron, ZoneId timeZone) implements Workflow {
        public Automatic {
            Objects.requireNonNull(cron, "cron");
            Objects.requireNonNull(timeZone, "timeZone");
        }
    }
}

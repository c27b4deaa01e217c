package dev.cohort.model;

import java.time.ZoneId;
import java.util.Objects;

/** When an orchestration runs. */
public sealed interface Workflow {
    /** Only when someone asks. */
    record Manual() implements Workflow {}

    /** Each time a full run of another orchestration completes (with or without warnings). */
    record AfterOrchestration(String orchestration) implements Workflow {
        public AfterOrchestration {
            Objects.requireNonNull(orchestration, "orchestration");
        }
    }

    /** Each time a table is built or loaded again by an apply (its data changed). */
    record AfterTable(String table) implements Workflow {
        public AfterTable {
            Objects.requireNonNull(table, "table");
        }
    }

    /** On a cron schedule, read in a time zone (daylight saving included). */
    record Automatic(String cron, ZoneId timeZone) implements Workflow {
        public Automatic {
            Objects.requireNonNull(cron, "cron");
            Objects.requireNonNull(timeZone, "timeZone");
        }
    }
}

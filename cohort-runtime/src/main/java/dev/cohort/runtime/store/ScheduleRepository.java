package dev.cohort.runtime.store;

import dev.cohort.model.Run;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The schedules of one workspace's automatic orchestrations: when each fires next. Firing requests the
 * run and moves the schedule forward in one transaction, claimed with row locks, so a due time fires
 * exactly once whatever the number of nodes, and a due time that passed while no server ran fires once
 * when one starts (never silently skipped, never repeated per missed time).
 */
public interface ScheduleRepository {
    /** The next time after {@code after} that a cron expression fires in a time zone; empty if never. */
    @FunctionalInterface
    interface FireTimes {
        Optional<Instant> nextAfter(String cron, ZoneId zone, Instant after);
    }

    /** An automatic orchestration as the workspace declares it. */
    record Desired(String orchestration, String destination, String cron, ZoneId timeZone) {}

    /** A stored schedule. */
    record Schedule(String orchestration, String destination, String cron, ZoneId timeZone, Instant nextFireAt, Instant lastFiredAt,
                    Long lastRunId) {}

    /** A schedule that fired: the run it requested, the due time, and how many earlier due times were missed. */
    record Fired(Run run, Instant dueAt, int missed) {}

    /** Every schedule, by orchestration name. */
    List<Schedule> list();

    /**
     * Makes the stored schedules match {@code desired}: a new one fires next after {@code now}; an unchanged
     * one keeps its next fire time (so a restart does not skip a due run); one whose cron or time zone changed
     * is computed again from {@code now}; the others are removed. A cron expression that never fires is
     * removed too (validation refuses it before it gets here).
     */
    void sync(List<Desired> desired, FireTimes fireTimes, Instant now);

    /**
     * Fires every schedule due at {@code now}: requests a run of its orchestration (trigger
     * {@code schedule …}) and moves it to its next fire time after {@code now}.
     */
    List<Fired> fireDue(FireTimes fireTimes, Instant now);

    /** When the earliest schedule fires next, if any. */
    Optional<Instant> nextFireAt();
}

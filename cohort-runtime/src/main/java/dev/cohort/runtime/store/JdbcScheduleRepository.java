package dev.cohort.runtime.store;

import dev.cohort.model.Run;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** The schedules of one workspace, on either backend. Thread-safe. */
final class JdbcScheduleRepository implements ScheduleRepository {
    /** A server that was down for years does not count every missed minute. */
    private static final int MAX_MISSED_COUNTED = 10_000;
    private static final int FIRE_BATCH = 32;
    private static final String COLUMNS = "orchestration, destination, cron, time_zone, next_fire_at, last_fired_at, last_run_id";

    private final WorkspaceRecord workspace;
    private final Database database;

    JdbcScheduleRepository(WorkspaceRecord workspace, Database database) {
        this.workspace = workspace;
        this.database = database;
    }

    @Override
    public List<Schedule> list() {
        return guarded("listing schedules", () -> database.read(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM schedules WHERE workspace_id = :workspace ORDER BY orchestration")
                .bind("workspace", workspace.id())
                .map(mapper())
                .list()));
    }

    @Override
    public void sync(List<Desired> desired, FireTimes fireTimes, Instant now) {
        guarded("updating schedules", () -> database.write(handle -> {
            Map<String, Schedule> stored = new HashMap<>();
            handle.createQuery("SELECT " + COLUMNS + " FROM schedules WHERE workspace_id = :workspace")
                    .bind("workspace", workspace.id())
                    .map(mapper())
                    .forEach(schedule -> stored.put(schedule.orchestration(), schedule));
            for (Desired wanted : desired) {
                Schedule existing = stored.remove(wanted.orchestration());
                if (existing != null && existing.cron().equals(wanted.cron()) && existing.timeZone().equals(wanted.timeZone())) {
                    handle.createUpdate("UPDATE schedules SET destination = :destination WHERE workspace_id = :workspace"
                                    + " AND orchestration = :orchestration")
                            .bind("destination", wanted.destination())
                            .bind("workspace", workspace.id())
                            .bind("orchestration", wanted.orchestration())
                            .execute();
                    continue;
                }
                Optional<Instant> next = fireTimes.nextAfter(wanted.cron(), wanted.timeZone(), now);
                if (existing != null) {
                    delete(handle, wanted.orchestration());
                }
                if (next.isPresent()) {
                    handle.createUpdate("INSERT INTO schedules (workspace_id, orchestration, destination, cron, time_zone,"
                                    + " next_fire_at, updated_at) VALUES (:workspace, :orchestration, :destination, :cron, :zone,"
                                    + " :next, :now) ON CONFLICT (workspace_id, orchestration) DO NOTHING")
                            .bind("destination", wanted.destination())
                            .bind("workspace", workspace.id())
                            .bind("orchestration", wanted.orchestration())
                            .bind("cron", wanted.cron())
                            .bind("zone", wanted.timeZone().getId())
                            .bind("next", database.dialect().timestamp(next.get()))
                            .bind("now", database.dialect().timestamp(now))
                            .execute();
                }
            }
            for (String removed : stored.keySet()) {
                delete(handle, removed);
            }
            return null;
        }));
    }

    @Override
    public List<Fired> fireDue(FireTimes fireTimes, Instant now) {
        return guarded("firing due schedules", () -> database.write(handle -> {
            Dialect dialect = database.dialect();
            List<Schedule> due = handle.createQuery("SELECT " + COLUMNS + " FROM schedules WHERE workspace_id = :workspace"
                            + " AND next_fire_at <= :now ORDER BY next_fire_at LIMIT " + FIRE_BATCH + dialect.skipLocked())
                    .bind("workspace", workspace.id())
                    .bind("now", dialect.timestamp(now))
                    .map(mapper())
                    .list();
            List<Fired> fired = new ArrayList<>();
            for (Schedule schedule : due) {
                int missed = 0;
                Optional<Instant> next = fireTimes.nextAfter(schedule.cron(), schedule.timeZone(), schedule.nextFireAt());
                while (next.isPresent() && !next.get().isAfter(now) && missed < MAX_MISSED_COUNTED) {
                    missed++;
                    next = fireTimes.nextAfter(schedule.cron(), schedule.timeZone(), next.get());
                }
                if (next.isPresent() && !next.get().isAfter(now)) {
                    next = fireTimes.nextAfter(schedule.cron(), schedule.timeZone(), now);
                }
                String trigger = "schedule " + schedule.nextFireAt().atZone(schedule.timeZone()).toOffsetDateTime()
                        + (missed == 0 ? "" : " (" + (missed == MAX_MISSED_COUNTED ? "over " + missed : missed)
                        + " earlier due time" + (missed == 1 ? "" : "s") + " missed while no server ran)");
                Run run = JdbcRunRepository.insert(handle, dialect, workspace.id(), schedule.orchestration(), schedule.destination(),
                        null, trigger, now);
                if (next.isPresent()) {
                    handle.createUpdate("UPDATE schedules SET next_fire_at = :next, last_fired_at = :due, last_run_id = :run,"
                                    + " updated_at = :now WHERE workspace_id = :workspace AND orchestration = :orchestration")
                            .bind("next", dialect.timestamp(next.get()))
                            .bind("due", dialect.timestamp(schedule.nextFireAt()))
                            .bind("run", run.id())
                            .bind("now", dialect.timestamp(now))
                            .bind("workspace", workspace.id())
                            .bind("orchestration", schedule.orchestration())
                            .execute();
                } else {
                    delete(handle, schedule.orchestration());
                }
                fired.add(new Fired(run, schedule.nextFireAt(), missed));
            }
            return fired;
        }));
    }

    @Override
    public Optional<Instant> nextFireAt() {
        return guarded("reading the next schedule", () -> database.read(handle -> handle
                .createQuery("SELECT next_fire_at FROM schedules WHERE workspace_id = :workspace ORDER BY next_fire_at LIMIT 1")
                .bind("workspace", workspace.id())
                .map((row, context) -> database.dialect().readTimestamp(row, "next_fire_at"))
                .findOne()));
    }

    private void delete(Handle handle, String orchestration) {
        handle.createUpdate("DELETE FROM schedules WHERE workspace_id = :workspace AND orchestration = :orchestration")
                .bind("workspace", workspace.id())
                .bind("orchestration", orchestration)
                .execute();
    }

    private RowMapper<Schedule> mapper() {
        Dialect dialect = database.dialect();
        return (row, context) -> {
            long lastRun = row.getLong("last_run_id");
            Long lastRunId = row.wasNull() ? null : lastRun;
            return new Schedule(row.getString("orchestration"), row.getString("destination"), row.getString("cron"), ZoneId.of(row.getString("time_zone")),
                    dialect.readTimestamp(row, "next_fire_at"),
                    row.getObject("last_fired_at") == null ? null : dialect.readTimestamp(row, "last_fired_at"), lastRunId);
        };
    }

    private <T> T guarded(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw database.failure(action + " of workspace '" + workspace.name() + "'", e);
        }
    }
}

package dev.cohort.server.work;

import dev.cohort.runtime.store.ScheduleRepository;
import dev.cohort.runtime.workspace.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires automatic orchestrations on their cron schedules and looks after the queue: on every node, once
 * a second (or sooner when a schedule is due) it fires what is due — the store makes sure each due time
 * fires once across nodes — and, less often, brings the schedules in line with the workspace (an apply may
 * have changed them) and fails runs whose worker stopped sending heartbeats (a node that died).
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final ScheduleRepository.FireTimes FIRE_TIMES = Schedules::nextAfter;

    private final ScheduleRepository schedules;
    private final Supplier<List<ScheduleRepository.Desired>> desired;
    private final Supplier<Integer> reaper;
    private final Runnable alsoOnHousekeeping;
    private final WorkerPool workers;
    private final Clock clock;
    private final Duration tick;
    private final Duration housekeeping;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;

    /**
     * @param desired the automatic orchestrations as the workspace declares them now
     * @param reaper  fails (and re-queues per policy) runs abandoned by dead workers; returns how many
     * @param alsoOnHousekeeping what else follows the workspace at the same pace (notification channels)
     */
    public Scheduler(ScheduleRepository schedules, Supplier<List<ScheduleRepository.Desired>> desired,
                     Supplier<Integer> reaper, Runnable alsoOnHousekeeping, WorkerPool workers, Clock clock, Duration tick,
                     Duration housekeeping) {
        this.alsoOnHousekeeping = alsoOnHousekeeping;
        this.schedules = schedules;
        this.desired = desired;
        this.reaper = reaper;
        this.workers = workers;
        this.clock = clock;
        this.tick = tick;
        this.housekeeping = housekeeping;
    }

    /** Brings the schedules in line with the workspace now (also done periodically). */
    public void syncNow() {
        schedules.sync(desired.get(), FIRE_TIMES, clock.instant());
    }

    public synchronized void start() {
        syncNow();
        thread = Thread.ofPlatform().name("cohort-scheduler").daemon().start(this::loop);
    }

    private void loop() {
        Instant nextHousekeeping = Instant.MIN;
        while (stop.getCount() > 0) {
            Instant now = clock.instant();
            try {
                if (!now.isBefore(nextHousekeeping)) {
                    syncNow();
                    alsoOnHousekeeping.run();
                    if (reaper.get() > 0) {
                        workers.wake();
                    }
                    nextHousekeeping = now.plus(housekeeping);
                }
                List<ScheduleRepository.Fired> fired = schedules.fireDue(FIRE_TIMES, now);
                for (ScheduleRepository.Fired f : fired) {
                    LOG.info("schedule of {} fired for {} (run {})", f.run().orchestration(), f.dueAt(), f.run().id());
                }
                if (!fired.isEmpty()) {
                    workers.wake();
                }
            } catch (RuntimeException e) {
                LOG.warn("scheduling failed this time, trying again: {}", e.getMessage());
            }
            long wait = tick.toMillis();
            try {
                Instant next = schedules.nextFireAt().orElse(null);
                if (next != null) {
                    wait = Math.max(10, Math.min(wait, Duration.between(clock.instant(), next).toMillis() + 5));
                }
            } catch (RuntimeException e) {
                // the next tick tries again
            }
            try {
                if (stop.await(wait, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public void stop() {
        stop.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

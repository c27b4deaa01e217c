package dev.cohort.server.work;

import dev.cohort.model.InterruptionPolicy;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.run.RunLauncher;
import dev.cohort.runtime.run.RunListener;
import dev.cohort.runtime.store.ClaimLimits;
import dev.cohort.runtime.store.RunRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's workers: each claims the oldest run it may start from the shared queue, executes it and
 * claims the next. Idle workers wait to be woken (a run requested here, a schedule fired, a run ended) or
 * for the poll interval, to see runs other nodes queued. {@link #drain} stops claiming and lets running
 * runs finish up to a deadline; a run still going then is failed as interrupted and, if its orchestration
 * says {@code run_again}, queued again, so another node (or the next start) picks it up.
 */
public final class WorkerPool {
    /** The error code of a run a shutdown interrupted. */
    public static final String INTERRUPTED = "RUN_INTERRUPTED";
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final RunRepository runs;
    private final RunLauncher launcher;
    private final RunNotifier notifier;
    private final Function<String, Optional<OrchestrationDefinition>> orchestrations;
    private final Clock clock;
    private final String node;
    private final int size;
    private final ClaimLimits limits;
    private final Duration pollInterval;
    private final Wakeup wakeup = new Wakeup();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Long, Thread> executing = new ConcurrentHashMap<>();
    private final Set<Long> cancelRequested = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public WorkerPool(RunRepository runs, RunLauncher launcher, RunNotifier notifier,
                      Function<String, Optional<OrchestrationDefinition>> orchestrations, Clock clock, String node,
                      int size, ClaimLimits limits, Duration pollInterval) {
        this.runs = runs;
        this.launcher = launcher;
        this.notifier = notifier;
        this.orchestrations = orchestrations;
        this.clock = clock;
        this.node = node;
        this.size = size;
        this.limits = limits;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        for (int i = 0; i < size; i++) {
            threads.add(Thread.ofPlatform().name("cohort-worker-" + (i + 1)).daemon().start(this::work));
        }
    }

    /** Tells idle workers that there may be work. */
    public void wake() {
        wakeup.signal();
    }

    /** Runs executing on this node now. */
    public Set<Long> executing() {
        return Set.copyOf(executing.keySet());
    }

    /**
     * Asks this node to stop run {@code id} at once if it executes it (the store already says Cancelled;
     * without this the run would notice at its next heartbeat). False if it does not run here.
     */
    public boolean stopLocal(long id) {
        if (!executing.containsKey(id)) {
            return false;
        }
        cancelRequested.add(id);
        return true;
    }

    private void work() {
        while (!stopping) {
            long seen = wakeup.generation();
            Optional<Run> claimed;
            try {
                claimed = runs.claimNext(node, limits, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("could not claim a run: {}", e.getMessage());
                claimed = Optional.empty();
            }
            if (claimed.isEmpty()) {
                try {
                    wakeup.await(seen, pollInterval);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            execute(claimed.get());
            wakeup.signal();
        }
    }

    private void execute(Run run) {
        executing.put(run.id(), Thread.currentThread());
        try {
            launcher.execute(run, new RunListener() {
                @Override
                public void started(Run started) {
                    notifier.started(started);
                }

                @Override
                public void finished(Run finished) {
                    notifier.finished(finished);
                }

                @Override
                public void waiting(Run waiting) {
                    notifier.waiting(waiting);
                }

                @Override
                public boolean cancelRequested() {
                    return cancelRequested.contains(run.id());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("run {} of {} failed outside its own error handling", run.id(), run.orchestration(), e);
            runs.finish(run.id(), RunStatus.FAILED, RunCounts.ZERO, List.of(), List.of(), "INTERNAL_ERROR",
                    "Cohort failed unexpectedly (" + e.getClass().getSimpleName() + "); the server's log has the details",
                    clock.instant());
        } finally {
            executing.remove(run.id());
            cancelRequested.remove(run.id());
            if (Thread.interrupted() && !stopping) {
                LOG.debug("worker interrupt cleared after run {}", run.id());
            }
        }
    }

    /**
     * Stops claiming, waits up to {@code timeout} for running runs to finish, then fails the rest as
     * interrupted (queuing them again where their orchestration says {@code run_again}) and stops them.
     * Returns the runs it interrupted.
     */
    public List<Long> drain(Duration timeout) {
        stopping = true;
        wakeup.signal();
        Instant deadline = clock.instant().plus(timeout);
        for (Thread thread : threads) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            try {
                if (left > 0) {
                    thread.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Long> interrupted = new ArrayList<>();
        for (Map.Entry<Long, Thread> entry : Map.copyOf(executing).entrySet()) {
            long id = entry.getKey();
            Optional<Run> run = runs.find(id);
            boolean failed = runs.finish(id, RunStatus.FAILED, run.map(Run::counts).orElse(RunCounts.ZERO), List.of(), List.of(),
                    INTERRUPTED, "the server shut down before the run finished (after waiting " + timeout.toSeconds()
                            + " s); nothing it was writing was published", clock.instant());
            if (failed && run.isPresent()) {
                interrupted.add(id);
                Optional<OrchestrationDefinition> definition = orchestrations.apply(run.get().orchestration());
                if (definition.map(d -> d.onInterruption() == InterruptionPolicy.RUN_AGAIN).orElse(false)) {
                    runs.create(run.get().orchestration(), definition.get().destination(), run.get().testRows(),
                            RunLauncher.RERUN_OF + id, clock.instant());
                }
                runs.find(id).ifPresent(notifier::finished);
            }
            cancelRequested.add(id);
            entry.getValue().interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return interrupted;
    }
}

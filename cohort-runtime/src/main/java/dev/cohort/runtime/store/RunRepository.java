package dev.cohort.runtime.store;

import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunFile;
import dev.cohort.model.RunRejection;
import dev.cohort.model.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runs of one workspace. Every change is one statement in its own transaction, so a run's record
 * is true whenever the process dies. Status changes are guarded: a run only moves forward
 * (waiting → running → a final status), and a final status never changes.
 */
public interface RunRepository {
    /** Records a requested run as {@link RunStatus#WAITING_TO_START}, with no destination known (no per-destination limit). */
    default Run create(String orchestration, Long testRows, String trigger, Instant requestedAt) {
        return create(orchestration, null, testRows, trigger, requestedAt);
    }

    /**
     * Records a requested run as {@link RunStatus#WAITING_TO_START}: it is now in the run queue.
     *
     * @param destination the destination it writes to, for {@link ClaimLimits#perDestination()}; null if unknown
     */
    Run create(String orchestration, String destination, Long testRows, String trigger, Instant requestedAt);

    /**
     * Claims the oldest waiting run that may start now and moves it to {@link RunStatus#RUNNING} for
     * {@code worker}, in one transaction: a run of an orchestration that already has a running run waits
     * for it (runs of one orchestration never overlap), and a run whose destination already has
     * {@code limits.perDestination()} running runs waits for one of them to end. Safe with any number of
     * claimers in any number of processes: each run is claimed once.
     */
    Optional<Run> claimNext(String worker, ClaimLimits limits, Instant now);

    /** How many runs are waiting to start. */
    long waitingCount();

    Optional<Run> find(long id);

    /** At most {@code limit} (at least 1) runs, newest first; {@code orchestration} null for all. */
    List<Run> list(String orchestration, int limit);

    /** Runs not ended ({@link RunStatus#WAITING_TO_START}, {@link RunStatus#RUNNING}, {@link RunStatus#WAITING_FOR_PARTNER}) of an orchestration, oldest first. */
    List<Run> unfinished(String orchestration);

    /**
     * Moves a waiting run to {@link RunStatus#RUNNING} for {@code worker}; false when it was not waiting
     * (claimed by another, cancelled).
     */
    boolean start(long id, String worker, Instant now);

    /** Records progress and the worker's heartbeat of a running run; false when it is no longer running. */
    boolean progress(long id, RunCounts counts, int attempts, Instant now);

    /**
     * Records a final status with everything the run produced; false when the run had already ended
     * (for example, cancelled meanwhile), in which case nothing changes. A run may also end before it
     * started (then it has no {@code startedAt}). A non-final {@code status} is refused.
     */
    boolean finish(long id, RunStatus status, RunCounts counts, List<RunRejection> rejections, List<RunFile> files,
                   String errorCode, String errorMessage, Instant now);

    /** A run that a successful full run requests in the same transaction as its end (workflow {@code after}). */
    record FollowUp(String orchestration, String destination) {}

    /**
     * As {@link #finish}, and when the run ends {@link RunStatus#COMPLETED} or
     * {@link RunStatus#COMPLETED_WITH_WARNINGS} and is not a test, requests each of {@code followUps} in the
     * same transaction (trigger {@code after run <id> of <orchestration>}), so a completion is never lost
     * between the two.
     */
    boolean finish(long id, RunStatus status, RunCounts counts, List<RunRejection> rejections, List<RunFile> files,
                   String errorCode, String errorMessage, Instant now, List<FollowUp> followUps);

    /**
     * Fails every {@link RunStatus#RUNNING} run whose heartbeat is older than {@code staleAfter}, with
     * {@code reason} ({@code {worker}} in it becomes the run's worker); returns them (as now stored). Called at start-up so no run stays Running after a crash.
     */
    List<Run> failAbandoned(Duration staleAfter, String errorCode, String reason, Instant now);

    /**
     * Cancels a run not yet ended (waiting to start, running or waiting for its partner), keeping {@code reason} as its error message; false when it had
     * already ended.
     */
    boolean cancel(long id, String reason, Instant now);

    /**
     * Moves a running run to {@link RunStatus#WAITING_FOR_PARTNER} with everything it produced: its partner
     * took the delivery and reports later, until {@code deadline}. False when it was no longer running
     * (cancelled meanwhile).
     */
    boolean awaitPartner(long id, RunCounts counts, List<RunRejection> rejections, List<RunFile> files,
                         String waitingFor, Instant deadline, Instant now);

    /**
     * Ends a run waiting for its partner with the partner's report: its counts ({@code accepted},
     * {@code rejected}; null when the partner did not say) and a final status, requesting {@code followUps} as
     * {@link #finish(long, RunStatus, RunCounts, List, List, String, String, Instant, List)} does. False when the
     * run was not waiting (a report already came, the wait ran out, it was cancelled): nothing changes, so a
     * repeated report is harmless.
     */
    boolean settle(long id, RunStatus status, Long accepted, Long rejected, String errorCode, String errorMessage,
                   Instant now, List<FollowUp> followUps);

    /**
     * Fails every run waiting for its partner past its deadline with {@code errorCode} and {@code reason}
     * ({@code {waiting_for}} in it becomes what the run waited for); returns them as now stored.
     */
    List<Run> expireWaits(String errorCode, String reason, Instant now);

    /** Runs waiting for their partner, oldest first. */
    List<Run> waitingForPartner();
}

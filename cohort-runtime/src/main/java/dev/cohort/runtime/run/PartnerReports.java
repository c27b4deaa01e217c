package dev.cohort.runtime.run;

import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.PartnerOutcome;
import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.store.RunRepository;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.destination.PartnerReport;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Ends runs that wait for their partner ({@link RunStatus#WAITING_FOR_PARTNER}): with the report the partner
 * posts to the run's callback URL, or — once the wait runs out — as failed. Everything lives in the store, so
 * a report is taken by whichever node receives it, also after a restart between the request and the report.
 * A repeated report (partners retry) changes nothing and is answered as the first was.
 */
public final class PartnerReports {
    /** The partner reported that it could not complete the delivery. */
    public static final ErrorCode PARTNER_FAILED = new ErrorCode("PARTNER_FAILED", dev.cohort.spi.ErrorKind.EXTERNAL_PERMANENT);
    /** The partner did not report before the wait ran out. */
    public static final ErrorCode PARTNER_TIMEOUT = new ErrorCode("PARTNER_TIMEOUT", dev.cohort.spi.ErrorKind.EXTERNAL_TRANSIENT);
    /** A callback whose token is not the run's: forged, or for a run of another workspace. */
    public static final ErrorCode CALLBACK_FORBIDDEN = ErrorCode.user("CALLBACK_FORBIDDEN");

    /** A report for a run still handing its delivery over, after {@link #EARLY_REPORT_WAIT}: the partner should retry. */
    public static final ErrorCode REPORT_TOO_EARLY = new ErrorCode("REPORT_TOO_EARLY", dev.cohort.spi.ErrorKind.EXTERNAL_TRANSIENT);
    private static final java.time.Duration EARLY_REPORT_WAIT = java.time.Duration.ofSeconds(10);
    private static final java.time.Duration EARLY_REPORT_POLL = java.time.Duration.ofMillis(50);

    private final RunLauncher launcher;
    private final RunRepository runs;
    private final PartnerReach reach;
    private final Clock clock;

    public PartnerReports(RunLauncher launcher, RunRepository runs, PartnerReach reach, Clock clock) {
        this.launcher = launcher;
        this.runs = runs;
        this.reach = reach;
        this.clock = clock;
    }

    /** What became of a report. */
    public sealed interface Outcome {
        Run run();

        /** The report ended the run. */
        record Recorded(Run run) implements Outcome {}

        /** The run had already ended (an earlier report, the wait ran out, cancelled): nothing changed. */
        record AlreadyEnded(Run run) implements Outcome {}
    }

    /**
     * Takes a partner's report on run {@code runId}.
     *
     * @throws CohortException {@link #CALLBACK_FORBIDDEN} when {@code token} is not the run's;
     *                         {@code NOT_FOUND} when there is no such run; the destination type's error (a user
     *                         error) when the body is not a report
     */
    public Outcome receive(long runId, String token, byte[] body) {
        if (!reach.verify(runId, token)) {
            throw new CohortException(CALLBACK_FORBIDDEN, "this callback URL is not one Cohort gave out: its token does"
                    + " not match run " + runId);
        }
        Run run = findWhenDelivered(runId);
        if (run.status() == RunStatus.RUNNING || run.status() == RunStatus.WAITING_TO_START) {
            throw new CohortException(REPORT_TOO_EARLY, "run " + runId + " has not finished handing over its delivery;"
                    + " send the report again in a few seconds");
        }
        if (run.status() != RunStatus.WAITING_FOR_PARTNER) {
            return new Outcome.AlreadyEnded(run);
        }
        Optional<OrchestrationDefinition> orchestration = launcher.orchestration(run.orchestration());
        if (orchestration.isEmpty()) {
            runs.settle(runId, RunStatus.FAILED, null, null, RunLauncher.NOT_RUNNABLE.code(), "the partner reported, but"
                    + " orchestration " + run.orchestration() + " no longer exists to read its report", clock.instant(), List.of());
            return new Outcome.Recorded(runs.find(runId).orElseThrow());
        }
        PartnerReport report = launcher.bindDestination(orchestration.get()).destination().readReport(body);
        String waitingFor = run.partnerOutcome().map(PartnerOutcome::waitingFor).orElse("the partner");
        Long accepted = report.accepted() < 0 ? null : report.accepted();
        Long rejected = report.rejected() < 0 ? null : report.rejected();
        boolean settled;
        if (report.succeeded()) {
            boolean warnings = run.counts().rowsRejected() > 0 || rejected != null && rejected > 0;
            settled = runs.settle(runId, warnings ? RunStatus.COMPLETED_WITH_WARNINGS : RunStatus.COMPLETED, accepted,
                    rejected, null, null, clock.instant(), launcher.followUps(run.orchestration()));
        } else {
            settled = runs.settle(runId, RunStatus.FAILED, accepted, rejected, PARTNER_FAILED.code(),
                    waitingFor + " failed: " + (report.message() == null || report.message().isBlank()
                            ? "the partner gave no reason" : report.message()), clock.instant(), List.of());
        }
        Run now = runs.find(runId).orElseThrow();
        return settled ? new Outcome.Recorded(now) : new Outcome.AlreadyEnded(now);
    }

    /**
     * The run, once it no longer runs: a fast partner can report before the worker that handed the delivery over
     * has recorded the wait, so a running run is given a few seconds to get there.
     */
    private Run findWhenDelivered(long runId) {
        long deadline = System.nanoTime() + EARLY_REPORT_WAIT.toNanos();
        while (true) {
            Run run = runs.find(runId).orElseThrow(() -> new CohortException(RunLauncher.NOT_FOUND, "there is no run "
                    + runId + " (it was deleted)"));
            if (run.status() != RunStatus.RUNNING || System.nanoTime() > deadline) {
                return run;
            }
            try {
                Thread.sleep(EARLY_REPORT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run;
            }
        }
    }

    /** Fails the runs whose partner did not report in time; returns them. */
    public List<Run> expireWaits() {
        return runs.expireWaits(PARTNER_TIMEOUT.code(), "no report came from the partner in time ({waiting_for}); the"
                + " partner may still have taken the delivery: check there before running it again", clock.instant());
    }
}

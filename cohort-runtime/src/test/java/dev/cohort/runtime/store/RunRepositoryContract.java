package dev.cohort.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunFile;
import dev.cohort.model.RunRejection;
import dev.cohort.model.RunStatus;
import dev.cohort.model.WorkspaceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every behaviour of a {@link RunRepository}, run on each backend by a subclass that says where the
 * store lives. Each test gets an empty store with one workspace, {@code acme}.
 */
abstract class RunRepositoryContract {
    private static final Instant REQUESTED = Instant.parse("2026-03-01T10:15:30.123456789Z");
    private static final Instant REQUESTED_IN_MILLIS = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final Instant STARTED = REQUESTED.plusSeconds(2);
    private static final Instant FINISHED = REQUESTED.plusSeconds(60);
    private static final RunCounts COUNTS = new RunCounts(1_000, 990, 10, 123_456);

    private MetadataStore store;
    private RunRepository runs;

    /** The URL of an empty store, the same for the whole test. */
    protected abstract String storeUrl();

    @BeforeEach
    void openStore() {
        store = MetadataStores.open(storeUrl());
        runs = store.runs(store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001").id());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void createRecordsAWaitingRunThatFindReturns() {
        Run created = runs.create("birthdays", null, "manual", REQUESTED);

        assertThat(created).isEqualTo(new Run(created.id(), "birthdays", RunStatus.WAITING_TO_START, null, "manual",
                REQUESTED_IN_MILLIS, null, null, RunCounts.ZERO, List.of(), List.of(), null, null, 0, null, null));
        assertThat(created.isTest()).isFalse();
        assertThat(runs.find(created.id())).contains(created);
        assertThat(runs.find(created.id() + 1)).isEmpty();
    }

    @Test
    void aTestRunKeepsItsRowLimit() {
        Run test = runs.create("birthdays", 25L, "cli", REQUESTED);

        assertThat(runs.find(test.id()).orElseThrow().testRows()).isEqualTo(25L);
        assertThat(test.isTest()).isTrue();
    }

    @Test
    void idsIncreaseAndListIsNewestFirstFilteredAndLimited() {
        List<Long> ids = new ArrayList<>();
        for (String orchestration : List.of("birthdays", "members", "birthdays", "members", "birthdays")) {
            ids.add(runs.create(orchestration, null, "schedule", REQUESTED).id());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(runs.list(null, 10)).extracting(Run::id).containsExactly(
                ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(runs.list(null, 2)).extracting(Run::id).containsExactly(ids.get(4), ids.get(3));
        assertThat(runs.list("birthdays", 10)).extracting(Run::id).containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(runs.list("members", 1)).extracting(Run::id).containsExactly(ids.get(3));
        assertThat(runs.list("missing", 10)).isEmpty();
    }

    @Test
    void unfinishedListsTheWaitingAndRunningRunsOfOneOrchestrationOldestFirst() {
        Run done = runs.create("birthdays", null, "manual", REQUESTED);
        Run running = runs.create("birthdays", null, "manual", REQUESTED);
        Run waiting = runs.create("birthdays", null, "manual", REQUESTED);
        runs.create("members", null, "manual", REQUESTED);
        runs.start(done.id(), "node-a:1", STARTED);
        runs.finish(done.id(), RunStatus.COMPLETED, COUNTS, List.of(), List.of(), null, null, FINISHED);
        runs.start(running.id(), "node-a:1", STARTED);

        assertThat(runs.unfinished("birthdays")).extracting(Run::id, Run::status).containsExactly(
                tuple(running.id(), RunStatus.RUNNING),
                tuple(waiting.id(), RunStatus.WAITING_TO_START));
        assertThat(runs.unfinished("nothing")).isEmpty();
    }

    @Test
    void theRunsOfAnotherWorkspaceAreOutOfReach() {
        Run theirs = runs.create("birthdays", null, "manual", REQUESTED);
        RunRepository other = store.runs(store.createWorkspace("other", WorkspaceKind.SANDBOX, "key00002").id());

        assertThat(other.find(theirs.id())).isEmpty();
        assertThat(other.list(null, 10)).isEmpty();
        assertThat(other.start(theirs.id(), "node-a:1", STARTED)).isFalse();
        assertThat(other.cancel(theirs.id(), "no", STARTED)).isFalse();
        assertThat(runs.find(theirs.id())).contains(theirs);
    }

    @Test
    void startMovesOnlyAWaitingRunToRunning() {
        Run run = runs.create("birthdays", null, "manual", REQUESTED);

        assertThat(runs.start(run.id(), "node-a:101", STARTED)).isTrue();
        assertThat(runs.start(run.id(), "node-b:202", STARTED.plusSeconds(1))).isFalse();
        assertThat(runs.start(run.id() + 1, "node-b:202", STARTED)).isFalse();

        Run running = runs.find(run.id()).orElseThrow();
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.worker()).isEqualTo("node-a:101");
        assertThat(running.startedAt()).isEqualTo(Dialect.truncate(STARTED));
        assertThat(running.heartbeatAt()).isEqualTo(Dialect.truncate(STARTED));
        assertThat(running.finishedAt()).isNull();
    }

    @Test
    void progressIsRecordedOnlyWhileTheRunIsRunning() {
        Run run = runs.create("birthdays", null, "manual", REQUESTED);
        assertThat(runs.progress(run.id(), COUNTS, 1, STARTED)).isFalse();
        assertThat(runs.find(run.id())).contains(run);

        runs.start(run.id(), "node-a:1", STARTED);
        Instant beat = STARTED.plusSeconds(15);
        assertThat(runs.progress(run.id(), COUNTS, 2, beat)).isTrue();

        Run progressed = runs.find(run.id()).orElseThrow();
        assertThat(progressed.counts()).isEqualTo(COUNTS);
        assertThat(progressed.attempts()).isEqualTo(2);
        assertThat(progressed.heartbeatAt()).isEqualTo(Dialect.truncate(beat));
        assertThat(progressed.startedAt()).isEqualTo(Dialect.truncate(STARTED));

        runs.finish(run.id(), RunStatus.COMPLETED, COUNTS, List.of(), List.of(), null, null, FINISHED);
        assertThat(runs.progress(run.id(), RunCounts.ZERO, 3, FINISHED.plusSeconds(1))).isFalse();
        assertThat(runs.find(run.id()).orElseThrow().counts()).isEqualTo(COUNTS);
    }

    @Test
    void finishStoresEverythingAndASecondFinishOrCancelChangesNothing() {
        Run run = runs.create("birthdays", null, "manual", REQUESTED);
        runs.start(run.id(), "node-a:1", STARTED);
        runs.progress(run.id(), new RunCounts(5, 4, 1, 10), 2, STARTED.plusSeconds(1));
        List<RunRejection> rejections = List.of(new RunRejection(3, "email is not an e-mail address"),
                new RunRejection(17, "phone has 3 digits; at least 7 are needed"));
        List<RunFile> files = List.of(new RunFile("birthdays_20260301.csv", "sftp://partner/in/birthdays_20260301.csv",
                123_456, "a".repeat(64), 990));

        assertThat(runs.finish(run.id(), RunStatus.COMPLETED_WITH_WARNINGS, COUNTS, rejections, files, "ROWS_REJECTED",
                "10 rows were rejected", FINISHED)).isTrue();
        Run finished = runs.find(run.id()).orElseThrow();

        assertThat(finished).isEqualTo(new Run(run.id(), "birthdays", RunStatus.COMPLETED_WITH_WARNINGS, null, "manual",
                REQUESTED_IN_MILLIS, Dialect.truncate(STARTED), Dialect.truncate(FINISHED), COUNTS, rejections, files,
                "ROWS_REJECTED", "10 rows were rejected", 2, "node-a:1", Dialect.truncate(STARTED.plusSeconds(1))));
        assertThat(runs.finish(run.id(), RunStatus.FAILED, RunCounts.ZERO, List.of(), List.of(), "LATE", "late",
                FINISHED.plusSeconds(1))).isFalse();
        assertThat(runs.cancel(run.id(), "too late", FINISHED.plusSeconds(2))).isFalse();
        assertThat(runs.find(run.id())).contains(finished);
    }

    @Test
    void aRunMayFailBeforeItStarted() {
        Run run = runs.create("birthdays", null, "manual", REQUESTED);

        assertThat(runs.finish(run.id(), RunStatus.FAILED, RunCounts.ZERO, null, null, "DESTINATION_MISSING",
                "destination 'braze' does not exist", FINISHED)).isTrue();

        Run failed = runs.find(run.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.startedAt()).isNull();
        assertThat(failed.finishedAt()).isEqualTo(Dialect.truncate(FINISHED));
        assertThat(failed.rejections()).isEmpty();
        assertThat(failed.files()).isEmpty();
    }

    @Test
    void finishRefusesAStatusThatIsNotFinal() {
        Run run = runs.create("birthdays", null, "manual", REQUESTED);

        assertThatThrownBy(() -> runs.finish(run.id(), RunStatus.RUNNING, COUNTS, List.of(), List.of(), null, null,
                FINISHED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A run finishes with a final status, not RUNNING");
        assertThat(runs.find(run.id())).contains(run);
    }

    @Test
    void aWaitingRunIsCancelledAndThenCannotStart() {
        Run run = runs.create("birthdays", null, "manual", REQUESTED);

        assertThat(runs.cancel(run.id(), "cancelled by ana", STARTED)).isTrue();
        assertThat(runs.start(run.id(), "node-a:1", STARTED)).isFalse();
        assertThat(runs.cancel(run.id(), "again", STARTED)).isFalse();

        Run cancelled = runs.find(run.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.errorMessage()).isEqualTo("cancelled by ana");
        assertThat(cancelled.finishedAt()).isEqualTo(Dialect.truncate(STARTED));
        assertThat(cancelled.worker()).isNull();
    }

    @Test
    void aRunningRunIsCancelledAndItsWorkerCanNoLongerReportOrFinish() {
        Run run = runs.create("birthdays", null, "manual", REQUESTED);
        runs.start(run.id(), "node-a:1", STARTED);

        assertThat(runs.cancel(run.id(), "cancelled by ana", FINISHED)).isTrue();
        assertThat(runs.progress(run.id(), COUNTS, 1, FINISHED.plusSeconds(1))).isFalse();
        assertThat(runs.finish(run.id(), RunStatus.COMPLETED, COUNTS, List.of(), List.of(), null, null,
                FINISHED.plusSeconds(2))).isFalse();

        Run cancelled = runs.find(run.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.finishedAt()).isEqualTo(Dialect.truncate(FINISHED));
        assertThat(cancelled.counts()).isEqualTo(RunCounts.ZERO);
    }

    @Test
    void failAbandonedFailsOnlyRunningRunsWithAStaleHeartbeatAndReturnsThem() {
        Instant now = REQUESTED.plus(Duration.ofHours(1));
        Duration staleAfter = Duration.ofMinutes(5);
        Run stale = runs.create("birthdays", null, "schedule", REQUESTED);
        runs.start(stale.id(), "node-a:1", now.minus(staleAfter).minusMillis(1));
        Run exactlyAtTheLimit = runs.create("birthdays", null, "schedule", REQUESTED);
        runs.start(exactlyAtTheLimit.id(), "node-a:1", now.minus(staleAfter));
        Run alive = runs.create("members", null, "schedule", REQUESTED);
        runs.start(alive.id(), "node-b:2", REQUESTED);
        runs.progress(alive.id(), COUNTS, 1, now.minusSeconds(10));
        Run waiting = runs.create("members", null, "schedule", REQUESTED);
        Run done = runs.create("members", null, "schedule", REQUESTED);
        runs.start(done.id(), "node-a:1", REQUESTED);
        runs.finish(done.id(), RunStatus.COMPLETED, COUNTS, List.of(), List.of(), null, null, REQUESTED.plusSeconds(1));
        RunRepository other = store.runs(store.createWorkspace("other", WorkspaceKind.SANDBOX, "key00002").id());
        Run otherStale = other.create("birthdays", null, "schedule", REQUESTED);
        other.start(otherStale.id(), "node-a:1", REQUESTED);
        List<Run> before = runs.list(null, 10);

        List<Run> failed = runs.failAbandoned(staleAfter, "WORKER_LOST", "node-a:1 stopped; the run was abandoned", now);

        Run expected = runs.find(stale.id()).orElseThrow();
        assertThat(failed).containsExactly(expected);
        assertThat(expected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(expected.errorCode()).isEqualTo("WORKER_LOST");
        assertThat(expected.errorMessage()).isEqualTo("node-a:1 stopped; the run was abandoned");
        assertThat(expected.finishedAt()).isEqualTo(Dialect.truncate(now));
        assertThat(runs.list(null, 10)).filteredOn(run -> run.id() != stale.id())
                .containsExactlyElementsOf(before.stream().filter(run -> run.id() != stale.id()).toList());
        assertThat(runs.find(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.WAITING_TO_START);
        assertThat(other.find(otherStale.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(runs.failAbandoned(staleAfter, "WORKER_LOST", "again", now)).isEmpty();
    }

    @Test
    void failAbandonedReturnsEveryStaleRunInIdOrder() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Run run = runs.create("birthdays", null, "schedule", REQUESTED);
            runs.start(run.id(), "node-a:1", STARTED);
            ids.add(run.id());
        }

        assertThat(runs.failAbandoned(Duration.ZERO, "WORKER_LOST", "gone", FINISHED))
                .extracting(Run::id, Run::status)
                .containsExactly(ids.stream().map(id -> tuple(id, RunStatus.FAILED))
                        .toArray(Tuple[]::new));
    }

    @Test
    void ofEightThreadsStartingTheSameRunExactlyOneWins() throws Exception {
        Run run = runs.create("birthdays", null, "schedule", REQUESTED);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Boolean>> workers = new ArrayList<>();
        for (int worker = 0; worker < threads; worker++) {
            String name = "node-" + worker + ":1";
            workers.add(() -> {
                go.await();
                return runs.start(run.id(), name, STARTED);
            });
        }
        List<String> winners = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = workers.stream().map(pool::submit).toList();
            go.countDown();
            for (int worker = 0; worker < threads; worker++) {
                if (results.get(worker).get()) {
                    winners.add("node-" + worker + ":1");
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(winners).hasSize(1);
        assertThat(runs.find(run.id()).orElseThrow().worker()).isEqualTo(winners.getFirst());
    }

    @Test
    void timesRoundTripAtMillisecondPrecision() {
        Instant started = Instant.parse("2026-12-31T23:59:59.999999999Z");
        Instant beat = Instant.parse("2027-01-01T00:00:00.000500Z");
        Instant finished = Instant.parse("2027-01-01T00:00:01.001999Z");
        Run run = runs.create("birthdays", null, "manual", REQUESTED);

        runs.start(run.id(), "node-a:1", started);
        runs.progress(run.id(), COUNTS, 1, beat);
        runs.finish(run.id(), RunStatus.COMPLETED, COUNTS, List.of(), List.of(), null, null, finished);

        Run stored = runs.find(run.id()).orElseThrow();
        assertThat(stored.requestedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThat(stored.startedAt()).isEqualTo(Instant.parse("2026-12-31T23:59:59.999Z"));
        assertThat(stored.heartbeatAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(stored.finishedAt()).isEqualTo(Instant.parse("2027-01-01T00:00:01.001Z"));
        assertThat(stored.duration(finished)).contains(Duration.ofMillis(1002));
    }

    @Test
    void keepsUnicodeAndJsonSpecialCharactersExactly() {
        String orchestration = "Geburtstage im März 🎂 東京";
        String message = "Die Datei \"kunden.csv\" wurde abgelehnt — 拒否されました\n\tline 2 \\ done";
        List<RunRejection> rejections = List.of(new RunRejection(1, "name «Zoë» has \"quotes\" and \\backslashes\\"));
        List<RunFile> files = List.of(new RunFile("geburtstage_März.csv", "sftp://partner/Ausgang/東京.csv", 1, "f".repeat(64), 1));
        Run run = runs.create(orchestration, null, "manual", REQUESTED);

        runs.finish(run.id(), RunStatus.FAILED, COUNTS, rejections, files, "UPLOAD_REFUSED", message, FINISHED);

        Run stored = runs.find(run.id()).orElseThrow();
        assertThat(stored.orchestration()).isEqualTo(orchestration);
        assertThat(stored.errorMessage()).isEqualTo(message);
        assertThat(stored.rejections()).isEqualTo(rejections);
        assertThat(stored.files()).isEqualTo(files);
        assertThat(runs.list(orchestration, 5)).containsExactly(stored);
    }

    @Test
    void refusesArgumentsThatCannotMakeARun() {
        assertThatThrownBy(() -> runs.create(" ", null, "manual", REQUESTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("orchestration must not be blank");
        assertThatThrownBy(() -> runs.create("birthdays", 0L, "manual", REQUESTED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("testRows must be at least 1, or null for a full run");
        assertThatThrownBy(() -> runs.list(null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 1, not 0");
        assertThat(runs.list(null, 10)).isEmpty();
    }

    @Test
    void runsOfAnUnknownWorkspaceAreRefused() {
        assertThatThrownBy(() -> store.runs(4242))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(StoreException.OBJECT_NOT_FOUND))
                .hasMessage("There is no workspace with id 4242 in the metadata store; it may have been deleted.");
    }

    @Test
    void aRunWaitsForItsPartnerWithWhatItProducedAndSettlesOnceOnTheReport() {
        Run run = runs.create("vip", "insider", null, "manual", REQUESTED);
        runs.start(run.id(), "node-a:1", STARTED);
        List<RunFile> files = List.of(new RunFile("vip.csv", "insider-one segment vip", 2_048, "b".repeat(64), 990));
        Instant deadline = STARTED.plusSeconds(3600);

        assertThat(runs.awaitPartner(run.id(), COUNTS, List.of(new RunRejection(4, "not an e-mail address")), files,
                "Insider One processing segment 'vip'", deadline, STARTED.plusSeconds(5))).isTrue();
        Run waiting = runs.find(run.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING_FOR_PARTNER);
        assertThat(waiting.status().isFinal()).isFalse();
        assertThat(waiting.counts()).isEqualTo(COUNTS);
        assertThat(waiting.files()).isEqualTo(files);
        assertThat(waiting.finishedAt()).isNull();
        assertThat(waiting.partnerOutcome()).contains(new dev.cohort.model.PartnerOutcome(
                "Insider One processing segment 'vip'", Dialect.truncate(deadline), null, null));
        assertThat(runs.unfinished("vip")).extracting(Run::id).containsExactly(run.id());
        assertThat(runs.waitingForPartner()).extracting(Run::id).containsExactly(run.id());
        assertThat(runs.progress(run.id(), RunCounts.ZERO, 1, STARTED.plusSeconds(6))).isFalse();

        assertThat(runs.settle(run.id(), RunStatus.COMPLETED_WITH_WARNINGS, 980L, 10L, null, null, FINISHED, List.of()))
                .isTrue();
        assertThat(runs.settle(run.id(), RunStatus.FAILED, null, null, "LATE", "late", FINISHED.plusSeconds(1), List.of()))
                .isFalse();
        Run settled = runs.find(run.id()).orElseThrow();
        assertThat(settled.status()).isEqualTo(RunStatus.COMPLETED_WITH_WARNINGS);
        assertThat(settled.finishedAt()).isEqualTo(Dialect.truncate(FINISHED));
        assertThat(settled.partnerOutcome().orElseThrow().accepted()).isEqualTo(980L);
        assertThat(settled.partnerOutcome().orElseThrow().rejected()).isEqualTo(10L);
        assertThat(settled.counts()).isEqualTo(COUNTS);
        assertThat(runs.waitingForPartner()).isEmpty();
    }

    @Test
    void onlyARunningRunMayWaitAndACancelledWaitTakesNoReport() {
        Run queued = runs.create("vip", null, "manual", REQUESTED);
        assertThat(runs.awaitPartner(queued.id(), COUNTS, List.of(), List.of(), "partner", FINISHED, STARTED)).isFalse();

        runs.start(queued.id(), "node-a:1", STARTED);
        runs.awaitPartner(queued.id(), COUNTS, List.of(), List.of(), "partner", FINISHED, STARTED);
        assertThat(runs.cancel(queued.id(), "cancelled by ana", STARTED.plusSeconds(1))).isTrue();
        assertThat(runs.settle(queued.id(), RunStatus.COMPLETED, 1L, 0L, null, null, STARTED.plusSeconds(2), List.of()))
                .isFalse();
        assertThat(runs.find(queued.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThatThrownBy(() -> runs.settle(queued.id(), RunStatus.WAITING_FOR_PARTNER, null, null, null, null,
                FINISHED, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expireWaitsFailsOnlyTheWaitsPastTheirDeadlineNamingWhatWasAwaited() {
        Run late = runs.create("vip", null, "manual", REQUESTED);
        Run onTime = runs.create("gold", null, "manual", REQUESTED);
        for (Run run : List.of(late, onTime)) {
            runs.start(run.id(), "node-a:1", STARTED);
        }
        runs.awaitPartner(late.id(), COUNTS, List.of(), List.of(), "Insider One processing segment 'vip'",
                STARTED.plusSeconds(60), STARTED);
        runs.awaitPartner(onTime.id(), COUNTS, List.of(), List.of(), "Insider One processing segment 'gold'",
                STARTED.plusSeconds(600), STARTED);

        List<Run> expired = runs.expireWaits("PARTNER_TIMEOUT", "no report ({waiting_for})", STARTED.plusSeconds(61));

        assertThat(expired).extracting(Run::id, Run::status, Run::errorCode, Run::errorMessage).containsExactly(
                tuple(late.id(), RunStatus.FAILED, "PARTNER_TIMEOUT", "no report (Insider One processing segment 'vip')"));
        assertThat(runs.find(onTime.id()).orElseThrow().status()).isEqualTo(RunStatus.WAITING_FOR_PARTNER);
        assertThat(runs.expireWaits("PARTNER_TIMEOUT", "x", STARTED.plusSeconds(62))).isEmpty();
    }

    @Test
    void aSettledCompletionRequestsItsFollowUpsInTheSameTransaction() {
        Run run = runs.create("vip", null, "manual", REQUESTED);
        runs.start(run.id(), "node-a:1", STARTED);
        runs.awaitPartner(run.id(), COUNTS, List.of(), List.of(), "partner", FINISHED, STARTED);

        runs.settle(run.id(), RunStatus.COMPLETED, 990L, 0L, null, null, FINISHED,
                List.of(new RunRepository.FollowUp("vip_report", "sftp")));

        assertThat(runs.unfinished("vip_report")).extracting(Run::trigger).containsExactly("after run " + run.id() + " of vip");
    }
}

package dev.cohort.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunStatus;
import dev.cohort.model.WorkspaceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run queue (claims with limits), schedules, the notification feed, tokens and users, on each backend.
 * Two stores opened on the same URL stand for two nodes.
 */
abstract class RunQueueContract {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    /** Fires every hour on the hour in the schedule's zone: enough for the tests. */
    private static final ScheduleRepository.FireTimes HOURLY = (cron, zone, after) -> Optional.of(
            after.atZone(zone).plusHours(1).withMinute(0).withSecond(0).withNano(0).toInstant());

    private MetadataStore store;
    private long workspaceId;
    private RunRepository runs;

    protected abstract String storeUrl();

    @BeforeEach
    void openStore() {
        store = MetadataStores.open(storeUrl());
        workspaceId = store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001").id();
        runs = store.runs(workspaceId);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void claimsTheOldestWaitingRunOnceAndMarksItRunningForTheWorker() {
        Run first = runs.create("birthdays", "sftp_a", null, "api", NOW);
        Run second = runs.create("members", "sftp_b", null, "api", NOW);

        Run claimed = runs.claimNext("node-1:7", ClaimLimits.DEFAULT, NOW.plusSeconds(1)).orElseThrow();

        assertThat(claimed.id()).isEqualTo(first.id());
        assertThat(claimed.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(claimed.worker()).isEqualTo("node-1:7");
        assertThat(claimed.startedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(runs.claimNext("node-1:7", ClaimLimits.DEFAULT, NOW).orElseThrow().id()).isEqualTo(second.id());
        assertThat(runs.claimNext("node-1:7", ClaimLimits.DEFAULT, NOW)).isEmpty();
        assertThat(runs.waitingCount()).isZero();
    }

    @Test
    void aRunWaitingForItsPartnerHoldsItsOrchestrationButNotADestinationSlot() {
        Run waiting = runs.create("vip", "insider", null, "api", NOW);
        Run next = runs.create("vip", "insider", null, "schedule", NOW);
        Run other = runs.create("gold", "insider", null, "api", NOW);
        runs.claimNext("w", new ClaimLimits(1), NOW).orElseThrow();
        runs.awaitPartner(waiting.id(), RunCounts.ZERO, List.of(), List.of(), "partner", NOW.plusSeconds(3600), NOW);

        assertThat(runs.claimNext("w", new ClaimLimits(1), NOW).orElseThrow().id()).isEqualTo(other.id());
        assertThat(runs.claimNext("w", new ClaimLimits(1), NOW)).isEmpty();

        runs.settle(waiting.id(), RunStatus.COMPLETED, 1L, 0L, null, null, NOW, List.of());
        runs.finish(other.id(), RunStatus.COMPLETED, RunCounts.ZERO, List.of(), List.of(), null, null, NOW);
        assertThat(runs.claimNext("w", new ClaimLimits(1), NOW).orElseThrow().id()).isEqualTo(next.id());
    }

    @Test
    void runsOfOneOrchestrationNeverOverlap() {
        Run first = runs.create("birthdays", "sftp_a", null, "api", NOW);
        Run second = runs.create("birthdays", "sftp_a", null, "schedule", NOW);
        Run other = runs.create("members", "sftp_b", null, "api", NOW);

        assertThat(runs.claimNext("w", ClaimLimits.DEFAULT, NOW).orElseThrow().id()).isEqualTo(first.id());
        assertThat(runs.claimNext("w", ClaimLimits.DEFAULT, NOW).orElseThrow().id()).isEqualTo(other.id());
        assertThat(runs.claimNext("w", ClaimLimits.DEFAULT, NOW)).as("birthdays is still running").isEmpty();

        runs.finish(first.id(), RunStatus.COMPLETED, RunCounts.ZERO, List.of(), List.of(), null, null, NOW);
        assertThat(runs.claimNext("w", ClaimLimits.DEFAULT, NOW).orElseThrow().id()).isEqualTo(second.id());
    }

    @Test
    void aDestinationTakesAtMostItsLimitOfRunsAtOnce() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(runs.create("audience_" + i, "koupon", null, "api", NOW).id());
        }
        Run elsewhere = runs.create("members", "crowdtwist", null, "api", NOW);
        ClaimLimits two = new ClaimLimits(2);

        assertThat(runs.claimNext("w", two, NOW).orElseThrow().id()).isEqualTo(ids.get(0));
        assertThat(runs.claimNext("w", two, NOW).orElseThrow().id()).isEqualTo(ids.get(1));
        assertThat(runs.claimNext("w", two, NOW).orElseThrow().id()).as("koupon is full; the next destination goes")
                .isEqualTo(elsewhere.id());
        assertThat(runs.claimNext("w", two, NOW)).isEmpty();

        runs.cancel(ids.get(0), "cancelled by ann", NOW);
        assertThat(runs.claimNext("w", two, NOW).orElseThrow().id()).isEqualTo(ids.get(2));
    }

    @Test
    void cancelledRunsAreNotClaimed() {
        Run run = runs.create("birthdays", "sftp_a", null, "api", NOW);
        runs.cancel(run.id(), "cancelled by ann", NOW);

        assertThat(runs.claimNext("w", ClaimLimits.DEFAULT, NOW)).isEmpty();
    }

    @Test
    void manyClaimersOnTwoNodesTakeEachRunExactlyOnceWithinTheDestinationLimit() throws Exception {
        int count = 60;
        for (int i = 0; i < count; i++) {
            runs.create("audience_" + i, "dest_" + (i % 3), null, "api", NOW);
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        try (MetadataStore otherNode = MetadataStores.open(storeUrl());
             ExecutorService pool = Executors.newFixedThreadPool(6)) {
            RunRepository[] nodes = {runs, otherNode.runs(workspaceId)};
            List<Callable<Void>> claimers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RunRepository node = nodes[i % 2];
                String worker = "node-" + (i % 2) + ":" + i;
                claimers.add(() -> {
                    while (true) {
                        Optional<Run> run = node.claimNext(worker, new ClaimLimits(1), NOW);
                        if (run.isEmpty()) {
                            if (node.waitingCount() == 0) {
                                return null;
                            }
                            continue;
                        }
                        long running = node.list(null, 1000).stream().filter(r -> r.status() == RunStatus.RUNNING).count();
                        assertThat(running).as("one per destination, three destinations").isLessThanOrEqualTo(3);
                        claimed.add(run.get().id());
                        node.finish(run.get().id(), RunStatus.COMPLETED, RunCounts.ZERO, List.of(), List.of(), null, null, NOW);
                    }
                });
            }
            for (Future<Void> done : pool.invokeAll(claimers)) {
                done.get();
            }
        }
        assertThat(claimed).hasSize(count).doesNotHaveDuplicates();
    }

    @Test
    void aScheduleFiresOncePerDueTimeWhateverTheNumberOfNodes() throws Exception {
        ScheduleRepository schedules = store.schedules(workspaceId);
        ZoneId paris = ZoneId.of("Europe/Paris");
        schedules.sync(List.of(new ScheduleRepository.Desired("hourly_audience", "sftp_a", "0 * * * *", paris)), HOURLY, NOW);
        Instant due = schedules.list().getFirst().nextFireAt();
        assertThat(due).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(schedules.fireDue(HOURLY, due.minusMillis(1))).isEmpty();

        List<ScheduleRepository.Fired> fired = Collections.synchronizedList(new ArrayList<>());
        try (MetadataStore otherNode = MetadataStores.open(storeUrl());
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            ScheduleRepository[] nodes = {schedules, otherNode.schedules(workspaceId)};
            List<Callable<Void>> firers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ScheduleRepository node = nodes[i % 2];
                firers.add(() -> {
                    fired.addAll(node.fireDue(HOURLY, due.plusSeconds(1)));
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(firers)) {
                done.get();
            }
        }
        assertThat(fired).hasSize(1);
        Run run = fired.getFirst().run();
        assertThat(run.status()).isEqualTo(RunStatus.WAITING_TO_START);
        assertThat(run.trigger()).isEqualTo("schedule 2026-03-01T12:00+01:00");
        assertThat(schedules.list().getFirst().nextFireAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(schedules.list().getFirst().lastRunId()).isEqualTo(run.id());
        assertThat(runs.claimNext("w", ClaimLimits.DEFAULT, NOW).orElseThrow().id()).as("the run is queued with its destination")
                .isEqualTo(run.id());
    }

    @Test
    void dueTimesMissedWhileNoServerRanFireOnceAndSaySo() {
        ScheduleRepository schedules = store.schedules(workspaceId);
        schedules.sync(List.of(new ScheduleRepository.Desired("hourly_audience", null, "0 * * * *", ZoneId.of("UTC"))), HOURLY, NOW);

        List<ScheduleRepository.Fired> fired = schedules.fireDue(HOURLY, Instant.parse("2026-03-01T14:30:00Z"));

        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.dueAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
            assertThat(f.missed()).isEqualTo(3);
            assertThat(f.run().trigger()).isEqualTo("schedule 2026-03-01T11:00Z (3 earlier due times missed while no server ran)");
        });
        assertThat(schedules.nextFireAt()).contains(Instant.parse("2026-03-01T15:00:00Z"));
    }

    @Test
    void syncKeepsAnUnchangedScheduleRecomputesAChangedOneAndRemovesTheRest() {
        ScheduleRepository schedules = store.schedules(workspaceId);
        ZoneId utc = ZoneId.of("UTC");
        schedules.sync(List.of(new ScheduleRepository.Desired("a", "d1", "0 * * * *", utc),
                new ScheduleRepository.Desired("b", "d1", "0 * * * *", utc)), HOURLY, NOW);

        Instant later = NOW.plus(Duration.ofHours(5));
        schedules.sync(List.of(new ScheduleRepository.Desired("a", "d2", "0 * * * *", utc),
                new ScheduleRepository.Desired("c", "d1", "0 * * * *", ZoneId.of("Asia/Kolkata"))), HOURLY, later);

        assertThat(schedules.list()).extracting(ScheduleRepository.Schedule::orchestration, ScheduleRepository.Schedule::destination,
                        ScheduleRepository.Schedule::nextFireAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "d2", Instant.parse("2026-03-01T11:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple("c", "d1", ZonedDateTime.parse("2026-03-01T21:00+05:30[Asia/Kolkata]").toInstant()));
    }

    @Test
    void notificationsAreListedNewestFirstWithPaging() {
        NotificationRepository feed = store.notifications(workspaceId);
        for (int i = 1; i <= 5; i++) {
            feed.add(new NotificationRepository.Notification(0, i == 5 ? "ERROR" : "COMPLETED", "Run " + i, "message " + i,
                    (long) i, "birthdays", i == 5 ? "FAILED" : "COMPLETED", 10, 9, 1, i == 5 ? "SFTP_AUTH" : null, null, NOW));
        }

        List<NotificationRepository.Notification> newest = feed.list(null, 2);
        assertThat(newest).extracting(NotificationRepository.Notification::title).containsExactly("Run 5", "Run 4");
        assertThat(newest.getFirst().errorCode()).isEqualTo("SFTP_AUTH");
        assertThat(feed.list(newest.get(1).id(), 10)).extracting(NotificationRepository.Notification::title)
                .containsExactly("Run 3", "Run 2", "Run 1");
    }

    @Test
    void tokensAreFoundByHashUntilRevokedAndNamesAreUnique() {
        AccessRepository access = store.access();
        access.createToken("ci", "OPERATOR", "hash-1", NOW);

        assertThat(access.useToken("hash-1", NOW.plusSeconds(5))).hasValueSatisfying(token -> {
            assertThat(token.name()).isEqualTo("ci");
            assertThat(token.role()).isEqualTo("OPERATOR");
            assertThat(token.lastUsedAt()).isEqualTo(NOW.plusSeconds(5));
        });
        assertThat(access.useToken("hash-2", NOW)).isEmpty();
        assertThatThrownBy(() -> access.createToken("ci", "USER", "hash-3", NOW))
                .isInstanceOf(StoreException.class).hasMessageContaining("A token named 'ci' already exists");

        assertThat(access.revokeToken("ci", NOW)).isTrue();
        assertThat(access.useToken("hash-1", NOW)).isEmpty();
        assertThat(access.revokeToken("ci", NOW)).isFalse();
    }

    @Test
    void usersAreCreatedFoundUpdatedAndDeleted() {
        AccessRepository access = store.access();
        access.createUser("ann", "ADMINISTRATOR", "$argon2id$x", NOW);

        assertThat(access.findUser("ann")).hasValueSatisfying(user -> assertThat(user.role()).isEqualTo("ADMINISTRATOR"));
        assertThat(access.updateUser("ann", "USER", "$argon2id$y", NOW)).isTrue();
        assertThat(access.findUser("ann").orElseThrow().passwordHash()).isEqualTo("$argon2id$y");
        assertThat(access.findUser("ann").orElseThrow().toString()).doesNotContain("argon2id");
        assertThat(access.deleteUser("ann")).isTrue();
        assertThat(access.users()).isEmpty();
    }
}

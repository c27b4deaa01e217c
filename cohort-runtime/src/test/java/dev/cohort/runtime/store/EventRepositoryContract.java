package dev.cohort.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.WorkspaceKind;
import dev.cohort.runtime.store.EventRepository.NewEvent;
import dev.cohort.runtime.store.EventRepository.Status;
import dev.cohort.runtime.store.EventRepository.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every behaviour of the event queue, on each backend; two stores opened on one URL stand for two nodes. */
abstract class EventRepositoryContract {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private MetadataStore store;
    private long workspaceId;
    private EventRepository events;

    protected abstract String storeUrl();

    @BeforeEach
    void openStore() {
        store = MetadataStores.open(storeUrl());
        workspaceId = store.createWorkspace("acme", WorkspaceKind.SANDBOX, "key00001").id();
        events = store.events(workspaceId);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static NewEvent event(String key, String wallet) {
        return new NewEvent("braze_out", "OUT", key, "wallet:" + wallet, "POSCONNECT.WALLET.SETTLE", "{\"k\":\"" + key + "\"}", false);
    }

    @Test
    void anEventIsStoredOnceAndADuplicateKeyIsRecognised() {
        EventRepository.Accepted first = events.accept(event("e1", "w1"), NOW);
        EventRepository.Accepted again = events.accept(event("e1", "w1"), NOW.plusSeconds(1));
        EventRepository.Accepted otherConnector = events.accept(new NewEvent("braze_two", "OUT", "e1", "wallet:w1", "X", "{}", false), NOW);

        assertThat(first.duplicate()).isFalse();
        assertThat(again).isEqualTo(new EventRepository.Accepted(first.id(), true));
        assertThat(otherConnector.duplicate()).isFalse();
        StoredEvent stored = events.find(first.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Status.PENDING);
        assertThat(stored.payload()).isEqualTo("{\"k\":\"e1\"}");
        assertThat(stored.toString()).doesNotContain("{\"k\"");
        assertThat(events.counts("braze_out", 10).received()).isEqualTo(1);
    }

    @Test
    void aGroupIsStoredInOneTransactionRecognisingDuplicatesWithinItAndBefore() {
        long earlier = events.accept(event("e0", "w1"), NOW).id();

        List<EventRepository.Accepted> accepted = events.acceptAll(List.of(event("e1", "w1"), event("e0", "w1"),
                event("e2", "w2"), event("e1", "w1")), NOW);

        assertThat(accepted).extracting(EventRepository.Accepted::duplicate).containsExactly(false, true, false, true);
        assertThat(accepted.get(1).id()).isEqualTo(earlier);
        assertThat(accepted.get(3).id()).isEqualTo(accepted.get(0).id());
        assertThat(events.counts("braze_out", 10).received()).isEqualTo(3);
        assertThat(events.acceptAll(List.of(), NOW)).isEmpty();
    }

    @Test
    void aClaimTakesTheOldestDueEventOfEachWalletOnlyAndKeepsAWalletsEventsInOrder() {
        long a1 = events.accept(event("a1", "A"), NOW).id();
        long a2 = events.accept(event("a2", "A"), NOW).id();
        long b1 = events.accept(event("b1", "B"), NOW).id();

        List<StoredEvent> first = events.claim("braze_out", "node-1", 10, NOW);
        assertThat(first).extracting(StoredEvent::id).containsExactly(a1, b1);
        assertThat(first).allMatch(e -> e.status() == Status.DELIVERING && e.attempts() == 1);
        assertThat(events.claim("braze_out", "node-2", 10, NOW)).as("a2 waits for a1").isEmpty();

        events.delivered(List.of(new EventRepository.Outcome(a1, "sent")), NOW.plusSeconds(1));
        assertThat(events.claim("braze_out", "node-2", 10, NOW.plusSeconds(1))).extracting(StoredEvent::id).containsExactly(a2);
        assertThat(events.find(a1).orElseThrow().outcome()).isEqualTo("sent");
        assertThat(events.find(a1).orElseThrow().status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void aWalletWithALongBacklogAtTheFrontDoesNotHoldBackOtherWallets() {
        for (int i = 0; i < 400; i++) {
            events.accept(event("a" + i, "A"), NOW);
        }
        long b0 = events.accept(event("b0", "B"), NOW).id();
        events.accept(event("b1", "B"), NOW);

        List<StoredEvent> claimed = events.claim("braze_out", "node-1", 10, NOW);

        assertThat(claimed).extracting(StoredEvent::eventKey).containsExactly("a0", "b0");
        assertThat(claimed.getLast().id()).isEqualTo(b0);
    }

    @Test
    void aRetryWaitsUntilItIsDueAndHoldsBackItsWalletsLaterEvents() {
        long a1 = events.accept(event("a1", "A"), NOW).id();
        long a2 = events.accept(event("a2", "A"), NOW).id();
        events.claim("braze_out", "node-1", 10, NOW);

        events.retry(a1, "PLATFORM_UNAVAILABLE", "503 from Braze", NOW.plusSeconds(30), NOW);

        assertThat(events.claim("braze_out", "node-1", 10, NOW.plusSeconds(10))).isEmpty();
        List<StoredEvent> later = events.claim("braze_out", "node-1", 10, NOW.plusSeconds(30));
        assertThat(later).extracting(StoredEvent::id, StoredEvent::attempts).containsExactly(org.assertj.core.groups.Tuple.tuple(a1, 2));
        assertThat(later.getFirst().outcome()).isEqualTo("503 from Braze");
        events.delivered(List.of(new EventRepository.Outcome(a1, "sent")), NOW.plusSeconds(31));
        assertThat(events.claim("braze_out", "node-1", 10, NOW.plusSeconds(31))).extracting(StoredEvent::id).containsExactly(a2);
        assertThat(events.counts("braze_out", 10).retried()).isEqualTo(1);
    }

    @Test
    void deadLettersAreListedWithTheirReasonAndReplayedOnRequest() {
        long a1 = events.accept(event("a1", "A"), NOW).id();
        long b1 = events.accept(event("b1", "B"), NOW).id();
        events.claim("braze_out", "node-1", 10, NOW);
        events.dead(a1, "NO_IDENTITY", "no identity of type CUSTOMER_ID", NOW.plusSeconds(1));
        events.dead(b1, "BRAZE_REJECTED", "400 from Braze", NOW.plusSeconds(2));

        assertThat(events.deadLetters("braze_out", 10, null)).extracting(StoredEvent::id).containsExactly(b1, a1);
        assertThat(events.deadLetters("braze_out", 1, b1)).extracting(StoredEvent::outcomeCode).containsExactly("NO_IDENTITY");
        assertThat(events.counts("braze_out", 10).dead()).isEqualTo(2);

        assertThat(events.replay("braze_out", List.of(a1), NOW.plusSeconds(3))).isEqualTo(1);
        assertThat(events.claim("braze_out", "node-1", 10, NOW.plusSeconds(3))).extracting(StoredEvent::id, StoredEvent::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(a1, 1));
        assertThat(events.replay("braze_out", List.of(), NOW.plusSeconds(4))).isEqualTo(1);
        assertThat(events.deadLetters("braze_out", 10, null)).isEmpty();
    }

    @Test
    void ignoredEventsAreCountedAndNeverClaimed() {
        events.accept(new NewEvent("braze_out", "OUT", "x1", "wallet:A", "SOMETHING.NEW", "{}", true), NOW);

        assertThat(events.claim("braze_out", "node-1", 10, NOW)).isEmpty();
        EventRepository.ConnectorCounts counts = events.counts("braze_out", 10);
        assertThat(counts.received()).isEqualTo(1);
        assertThat(counts.ignored()).isEqualTo(1);
        assertThat(counts.pending()).isZero();
    }

    @Test
    void eventsADeadNodeHadClaimedAreQueuedAgainAfterTheStaleTime() {
        long a1 = events.accept(event("a1", "A"), NOW).id();
        events.claim("braze_out", "node-1", 10, NOW);

        assertThat(events.releaseStale(Duration.ofMinutes(2), NOW.plusSeconds(60))).isZero();
        assertThat(events.releaseStale(Duration.ofMinutes(2), NOW.plusSeconds(121))).isEqualTo(1);
        assertThat(events.claim("braze_out", "node-2", 10, NOW.plusSeconds(121))).extracting(StoredEvent::id).containsExactly(a1);
        assertThat(events.counts("braze_out", 10).oldestPendingAt()).isEqualTo(NOW);
    }

    @Test
    void eachDeliveredEventKeepsItsOwnOutcomeAndOnlyClaimedEventsBecomeDelivered() {
        long a1 = events.accept(event("a1", "A"), NOW).id();
        long b1 = events.accept(event("b1", "B"), NOW).id();
        long c1 = events.accept(event("c1", "C"), NOW).id();
        long d1 = events.accept(event("d1", "D"), NOW).id();
        assertThat(events.claim("braze_out", "node-1", 3, NOW)).extracting(StoredEvent::id).containsExactly(a1, b1, c1);

        events.delivered(List.of(new EventRepository.Outcome(a1, "custom event 'Order Completed'"),
                new EventRepository.Outcome(b1, "custom event 'Points Earned'"),
                new EventRepository.Outcome(c1, "custom event 'Order Completed'"),
                new EventRepository.Outcome(d1, "custom event 'Order Completed'")), NOW.plusSeconds(1));

        assertThat(List.of(a1, b1, c1)).allSatisfy(id -> assertThat(events.find(id).orElseThrow().status()).isEqualTo(Status.DELIVERED));
        assertThat(events.find(a1).orElseThrow().outcome()).isEqualTo("custom event 'Order Completed'");
        assertThat(events.find(b1).orElseThrow().outcome()).isEqualTo("custom event 'Points Earned'");
        assertThat(events.find(d1).orElseThrow().status()).as("never claimed").isEqualTo(Status.PENDING);
    }

    @Test
    void latenciesOfDeliveredEventsAreReportedSorted() {
        long a1 = events.accept(event("a1", "A"), NOW).id();
        long b1 = events.accept(event("b1", "B"), NOW.plusSeconds(1)).id();
        events.claim("braze_out", "node-1", 10, NOW.plusSeconds(1));
        events.delivered(List.of(new EventRepository.Outcome(a1, "ok"), new EventRepository.Outcome(b1, "ok")), NOW.plusSeconds(3));

        assertThat(events.counts("braze_out", 10).recentLatencies()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(events.counts("braze_out", 10).oldestPendingAt()).isNull();
    }

    @Test
    void claimersOnTwoNodesTakeEveryEventExactlyOnceAndEachWalletInOrder() throws Exception {
        int wallets = 20;
        int perWallet = 10;
        for (int i = 0; i < perWallet; i++) {
            for (int w = 0; w < wallets; w++) {
                events.accept(event("w" + w + "-" + i, "W" + w), NOW);
            }
        }
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        try (MetadataStore second = MetadataStores.open(storeUrl())) {
            List<EventRepository> nodes = List.of(events, second.events(workspaceId));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Void>> claimers = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                EventRepository node = nodes.get(c % 2);
                String worker = "node-" + (c % 2) + ":" + c;
                claimers.add(() -> {
                    int idle = 0;
                    while (idle < 50) {
                        List<StoredEvent> batch = node.claim("braze_out", worker, 7, NOW);
                        if (batch.isEmpty()) {
                            idle++;
                            Thread.onSpinWait();
                            continue;
                        }
                        idle = 0;
                        batch.forEach(e -> delivered.add(e.eventKey()));
                        node.delivered(batch.stream().map(e -> new EventRepository.Outcome(e.id(), "ok")).toList(), NOW);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(claimers)) {
                done.get();
            }
            pool.shutdown();
        }
        assertThat(delivered).hasSize(wallets * perWallet).doesNotHaveDuplicates();
        for (int w = 0; w < wallets; w++) {
            String prefix = "w" + w + "-";
            List<String> order = delivered.stream().filter(k -> k.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perWallet; i++) {
                expected.add(prefix + i);
            }
            assertThat(order).as("wallet W" + w + " in order").isEqualTo(expected);
        }
    }
}

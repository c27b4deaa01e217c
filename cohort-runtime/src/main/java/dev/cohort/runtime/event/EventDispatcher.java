package dev.cohort.runtime.event;

import dev.cohort.model.EventConnectorDefinition.Direction;
import dev.cohort.runtime.store.EventRepository;
import dev.cohort.runtime.store.EventRepository.StoredEvent;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.event.DeliveryOutcome;
import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.MarketingPlatform.AddressedEvent;
import dev.cohort.spi.event.Trigger;
import dev.cohort.spi.event.TriggerResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored events: for every connector that can work, {@value #LOOPS_PER_CONNECTOR} loops on virtual threads
 * claim due events in batches (the store keeps one ordering key's events in order across loops and nodes), hand
 * them to the platform and record each outcome — delivered, again later (exponential back-off with jitter, or the
 * platform's own wait), or a dead letter (a permanent refusal, no identity of the configured type, or out of
 * attempts). Each connector has its own loops, so a slow or dead platform holds back no other connector. Events a
 * dead node had claimed go back to the queue after the stale-claim time (2 minutes by default): delivery is at
 * least once.
 */
public final class EventDispatcher implements AutoCloseable {
    static final int LOOPS_PER_CONNECTOR = 2;
    static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** By default, a claim older than this is a dead node's: its events are delivered again. */
    public static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventConnectors connectors;
    private final EventRepository events;
    private final Clock clock;
    private final String worker;
    private final Duration pollInterval;
    private final Duration staleClaim;
    private final BiConsumer<String, Duration> deliveredAfter;
    private final Object signal = new Object();
    private final ReadEvents reads = new ReadEvents();
    private final Map<String, List<Thread>> loops = new HashMap<>();
    private long generation;
    private volatile boolean running;
    private Thread supervisor;

    /**
     * @param staleClaim     how old a claim must be to be a dead node's (its events are then delivered again)
     * @param deliveredAfter told, per delivered event, its connector and the time from acceptance to delivery
     */
    public EventDispatcher(EventConnectors connectors, EventRepository events, Clock clock, String worker,
                           Duration pollInterval, Duration staleClaim, BiConsumer<String, Duration> deliveredAfter) {
        this.staleClaim = staleClaim;
        this.connectors = connectors;
        this.events = events;
        this.clock = clock;
        this.worker = worker;
        this.pollInterval = pollInterval;
        this.deliveredAfter = deliveredAfter;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        supervisor = Thread.ofVirtual().name("cohort-events-supervisor").start(this::supervise);
    }

    /**
     * An event was accepted on this node: keeps what intake read of it (so that delivering it here need not read the
     * stored notification again) and wakes the loops.
     */
    public void accepted(long eventId, BoundConnector connector, LoyaltyEvent read) {
        if (read != null) {
            reads.put(eventId, connector, read);
        }
        wake();
    }

    /** Wakes the loops: an event was accepted on this node. */
    public void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    /** Brings the loops in line with the connectors, puts back dead nodes' claims, every few seconds. */
    private void supervise() {
        Instant lastRefresh = Instant.MIN;
        while (running) {
            try {
                Instant now = clock.instant();
                if (Duration.between(lastRefresh, now).compareTo(Duration.ofSeconds(5)) >= 0) {
                    connectors.refresh();
                    int released = events.releaseStale(staleClaim, now);
                    if (released > 0) {
                        LOG.warn("{} events claimed more than {} ago by a node that stopped are queued again", released, staleClaim);
                    }
                    lastRefresh = now;
                }
                syncLoops();
                await(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.warn("event supervisor: {}", e.getMessage());
                await(Duration.ofSeconds(1));
            }
        }
    }

    private synchronized void syncLoops() {
        List<String> wanted = connectors.ready().stream().filter(c -> c.definition().enabled()).map(BoundConnector::name).toList();
        loops.entrySet().removeIf(entry -> {
            if (wanted.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().forEach(Thread::interrupt);
            return true;
        });
        for (String name : wanted) {
            loops.computeIfAbsent(name, n -> {
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < LOOPS_PER_CONNECTOR; i++) {
                    threads.add(Thread.ofVirtual().name("cohort-events-" + n + "-" + i).start(() -> loop(n)));
                }
                return threads;
            });
        }
    }

    private void loop(String name) {
        while (running && !Thread.currentThread().isInterrupted()) {
            long seen;
            synchronized (signal) {
                seen = generation;
            }
            try {
                Optional<BoundConnector> connector = connectors.find(name)
                        .filter(EventConnectors.Binding.Ready.class::isInstance)
                        .map(b -> ((EventConnectors.Binding.Ready) b).connector());
                if (connector.isEmpty()) {
                    return;
                }
                List<StoredEvent> claimed = events.claim(name, worker, connector.get().batchSize(), clock.instant());
                if (claimed.isEmpty()) {
                    awaitSignal(seen, pollInterval);
                    continue;
                }
                deliver(connector.get(), claimed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("event connector {}: {}", name, e.getMessage());
                if (!awaitSignal(seen, pollInterval)) {
                    return;
                }
            }
        }
    }

    private void deliver(BoundConnector connector, List<StoredEvent> claimed) throws InterruptedException {
        if (connector.definition().direction() == Direction.IN) {
            for (StoredEvent event : claimed) {
                trigger(connector, event);
            }
            return;
        }
        List<StoredEvent> sendable = new ArrayList<>();
        List<AddressedEvent> addressed = new ArrayList<>();
        String identityType = connector.definition().identityType();
        for (StoredEvent event : claimed) {
            LoyaltyEvent loyalty = reads.take(event.id(), connector);
            try {
                if (loyalty == null) {
                    Optional<LoyaltyEvent> read = connector.readNotification(event.payload().getBytes(StandardCharsets.UTF_8));
                    if (read.isEmpty()) {
                        delivered(event, "not an event: nothing to send");
                        continue;
                    }
                    loyalty = read.get();
                }
            } catch (CohortException e) {
                events.dead(event.id(), "EVENT_UNREADABLE", "the stored notification can no longer be read: " + e.getMessage(),
                        clock.instant());
                continue;
            }
            Optional<String> identity = loyalty.identity(identityType).map(dev.cohort.spi.event.Identity::value);
            if (identity.isEmpty()) {
                events.dead(event.id(), "NO_IDENTITY", "the event carries no identity of type " + identityType + " (it has "
                        + (loyalty.identities().isEmpty() ? "none" : String.join(", ", loyalty.identities().stream()
                        .map(dev.cohort.spi.event.Identity::type).distinct().toList())) + "): give the consumer one in the"
                        + " loyalty platform, or change the connector's identity_type, then replay", clock.instant());
                continue;
            }
            sendable.add(event);
            addressed.add(new AddressedEvent(loyalty, identity.get()));
        }
        if (sendable.isEmpty()) {
            return;
        }
        List<DeliveryOutcome> outcomes = connector.send(addressed);
        List<EventRepository.Outcome> done = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < sendable.size(); i++) {
            StoredEvent event = sendable.get(i);
            DeliveryOutcome outcome = i < outcomes.size() ? outcomes.get(i)
                    : new DeliveryOutcome.Retry("the platform gave no outcome for this event", null);
            switch (outcome) {
                case DeliveryOutcome.Delivered delivered -> {
                    done.add(new EventRepository.Outcome(event.id(), delivered.detail()));
                    deliveredAfter.accept(connector.name(), Duration.between(event.receivedAt(), now));
                }
                case DeliveryOutcome.Retry retry -> retry(event, "PLATFORM_UNAVAILABLE", retry.reason(), retry.retryAfter());
                case DeliveryOutcome.Rejected rejected -> events.dead(event.id(), rejected.code(), rejected.reason(), now);
            }
        }
        events.delivered(done, now);
    }

    private void trigger(BoundConnector connector, StoredEvent event) throws InterruptedException {
        Trigger trigger;
        try {
            trigger = TriggerRequests.read(event.payload().getBytes(StandardCharsets.UTF_8));
        } catch (CohortException e) {
            events.dead(event.id(), "EVENT_UNREADABLE", "the stored request can no longer be read: " + e.getMessage(), clock.instant());
            return;
        }
        try {
            TriggerResult result = connector.trigger(trigger);
            delivered(event, (result.duplicate() ? "already rewarded for this reference: " : "rewarded: ")
                    + "transaction " + (result.transactionId() == null ? "?" : result.transactionId())
                    + (result.status() == null ? "" : " " + result.status())
                    + (result.pointsAwarded() == null ? "" : ", " + result.pointsAwarded() + " points"));
        } catch (PartnerException e) {
            if (e.kind() == ErrorKind.EXTERNAL_TRANSIENT) {
                retry(event, e.errorCode().code(), e.getMessage(), e.retryAfter().orElse(null));
            } else {
                events.dead(event.id(), e.errorCode().code(), e.getMessage(), clock.instant());
            }
        } catch (CohortException e) {
            events.dead(event.id(), e.errorCode().code(), e.getMessage(), clock.instant());
        }
    }

    private void delivered(StoredEvent event, String detail) {
        Instant now = clock.instant();
        events.delivered(List.of(new EventRepository.Outcome(event.id(), detail)), now);
        deliveredAfter.accept(event.connector(), Duration.between(event.receivedAt(), now));
    }

    /** Another attempt later — or a dead letter once {@value #MAX_ATTEMPTS} attempts failed. */
    private void retry(StoredEvent event, String code, String reason, Duration retryAfter) {
        Instant now = clock.instant();
        if (event.attempts() >= MAX_ATTEMPTS) {
            events.dead(event.id(), code, "gave up after " + event.attempts() + " attempts: " + reason, now);
            return;
        }
        events.retry(event.id(), code, reason, now.plus(retryAfter != null ? retryAfter : backoff(event.attempts())), now);
    }

    /** Exponential back-off with jitter: 1 s, 2 s, 4 s … up to 5 minutes, each between half and all of it. */
    static Duration backoff(int attempts) {
        long full = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    private void await(Duration timeout) {
        synchronized (signal) {
            try {
                signal.wait(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Waits until woken after {@code seen} or {@code timeout}; false when interrupted (stopping). */
    private boolean awaitSignal(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (supervisor != null) {
            supervisor.interrupt();
        }
        loops.values().forEach(threads -> threads.forEach(Thread::interrupt));
        for (List<Thread> threads : loops.values()) {
            for (Thread thread : threads) {
                try {
                    thread.join(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        loops.clear();
    }
}

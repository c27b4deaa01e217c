package dev.cohort.runtime.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The event queue of one workspace: events accepted by its event connectors, stored before their request is
 * answered, delivered at least once, in order per ordering key. Safe for any number of workers in any number of
 * processes sharing the store: each claim takes events no other worker holds.
 */
public interface EventRepository {
    /** Where an event is. */
    enum Status {
        /** Waiting for a worker (from {@code available_at}). */
        PENDING,
        /** Claimed by a worker, being delivered. */
        DELIVERING,
        /** The far side took it. */
        DELIVERED,
        /** Accepted and kept, but not for delivery (an event type the connector does not forward). */
        IGNORED,
        /** A dead letter: failed for good or out of retries; can be replayed. */
        DEAD
    }

    /**
     * An event to store.
     *
     * @param eventKey    the partner's idempotency key: an event whose key the connector already has is a duplicate
     * @param orderingKey events with the same key are delivered in the order they were accepted (a wallet)
     * @param ignored     keep it as {@link Status#IGNORED}, not for delivery
     */
    record NewEvent(String connector, String direction, String eventKey, String orderingKey, String eventType,
                    String payload, boolean ignored) {
        public NewEvent {
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(eventKey, "eventKey");
            Objects.requireNonNull(orderingKey, "orderingKey");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** A stored event. {@link #toString()} leaves the payload out (it may hold PII). */
    record StoredEvent(long id, String connector, String direction, String eventKey, String orderingKey, String eventType,
                       Status status, String payload, int attempts, Instant receivedAt, Instant availableAt,
                       Instant finishedAt, String outcomeCode, String outcome) {
        @Override
        public String toString() {
            return "StoredEvent[id=" + id + ", connector=" + connector + ", eventKey=" + eventKey + ", type=" + eventType
                    + ", status=" + status + ", attempts=" + attempts + "]";
        }
    }

    /** What storing did: the event's id, and whether it was already there (a duplicate: nothing stored). */
    record Accepted(long id, boolean duplicate) {}

    /** Stores {@code event} in its own transaction, unless the connector already has its key. */
    Accepted accept(NewEvent event, Instant now);

    /**
     * Stores {@code events} in one transaction (one commit, one disk flush for all), each unless its connector already
     * has its key — also when an earlier event of the same list has it. Returns one answer per event, in order.
     */
    List<Accepted> acceptAll(List<NewEvent> events, Instant now);

    /**
     * Claims up to {@code limit} pending events of {@code connector} that are due, oldest first, and moves them to
     * {@link Status#DELIVERING} for {@code worker} (one more attempt each). An event is claimed only when no
     * earlier event of its ordering key is still pending or being delivered, so one ordering key's events are
     * delivered one after the other, in order.
     */
    List<StoredEvent> claim(String connector, String worker, int limit, Instant now);

    /** Marks claimed events delivered, each with what the far side did ({@code detail}, no PII). */
    void delivered(List<Outcome> outcomes, Instant now);

    /** Puts a claimed event back for another attempt from {@code availableAt}, keeping {@code reason} as its last error. */
    void retry(long id, String code, String reason, Instant availableAt, Instant now);

    /** Makes a claimed event a dead letter with its reason. */
    void dead(long id, String code, String reason, Instant now);

    /** @param detail what the far side did, shown on the event */
    record Outcome(long id, String detail) {}

    /**
     * Puts back events claimed longer than {@code staleAfter} ago (their worker died): they are delivered again,
     * which is why delivery is at least once. Returns how many.
     */
    int releaseStale(Duration staleAfter, Instant now);

    /** Dead letters of {@code connector} (null: every connector), newest first, at most {@code limit}, below id {@code before} when given. */
    List<StoredEvent> deadLetters(String connector, int limit, Long before);

    /**
     * Replays dead letters: they become pending again with their attempts reset. {@code ids} empty replays every
     * dead letter of {@code connector}. Returns how many.
     */
    int replay(String connector, List<Long> ids, Instant now);

    /** One event of the workspace. */
    java.util.Optional<StoredEvent> find(long id);

    /**
     * Counts of a connector's events: received (every accepted event), delivered, ignored, dead, pending (pending
     * or being delivered), retried (attempts beyond the first, over all events), the oldest undelivered event's
     * acceptance time (lag), and the end-to-end latencies (accepted → delivered) of its last delivered events.
     */
    ConnectorCounts counts(String connector, int latencySample);

    record ConnectorCounts(long received, long delivered, long ignored, long dead, long pending, long retried,
                           Instant oldestPendingAt, List<Duration> recentLatencies) {
        public ConnectorCounts {
            recentLatencies = List.copyOf(recentLatencies);
        }
    }
}

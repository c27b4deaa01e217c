package dev.cohort.runtime.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.BatchResultBearing;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The event queue on either backend. Storing is one {@code INSERT … ON CONFLICT DO NOTHING} (a duplicate key
 * changes nothing); a claim reads the oldest due pending events from the partial index of pending events — with
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so claimers on several nodes never take the same event and never
 * wait for each other —, keeps those that are the oldest unfinished event of their ordering key (one index lookup
 * per key), and moves them to {@code DELIVERING} in the same transaction. Both queries are index range scans
 * whatever the table's statistics say, so a claim's cost does not grow with the backlog or the history. Every later change is a
 * conditional {@code UPDATE} from {@code DELIVERING}. Thread-safe.
 */
final class JdbcEventRepository implements EventRepository {
    private static final String COLUMNS = "id, connector, direction, event_key, ordering_key, event_type, status, payload,"
            + " attempts, received_at, available_at, finished_at, outcome_code, outcome";

    private static final String INSERT_ROW = """
            INSERT INTO events (workspace_id, connector, direction, event_key, ordering_key, event_type, status, payload,
                                attempts, received_at, available_at)
            VALUES (:workspace, :connector, :direction, :eventKey, :orderingKey, :eventType, :status, :payload, 0, :now, :now)
            ON CONFLICT (workspace_id, connector, event_key) DO NOTHING""";
    private static final String INSERT = INSERT_ROW + " RETURNING id";
    /** The most ids one {@code IN (…)} list carries. */
    private static final int MAX_IDS = 500;

    /** How many more pending events a claim looks at than it may take: enough to get past wallets held back. */
    private static final int CANDIDATE_FACTOR = 4;
    /** How far a claim widens its window at most: 64 times the first one. */
    private static final int MAX_WIDENINGS = 64;

    /**
     * Due pending events, oldest first: a range scan of the small partial index of pending events (never the
     * delivered history), whatever the table's statistics say.
     */
    private static final String CANDIDATES = """
            SELECT id, ordering_key FROM events
            WHERE workspace_id = :workspace AND connector = :connector AND status = 'PENDING' AND available_at <= :now
            ORDER BY id LIMIT :window""";

    /** The oldest unfinished event of each ordering key asked about: one index lookup per key. */
    private static final String HEADS = """
            SELECT ordering_key, min(id) AS head FROM events
            WHERE workspace_id = :workspace AND connector = :connector AND ordering_key IN (<keys>)
              AND status IN ('PENDING', 'DELIVERING')
            GROUP BY ordering_key""";

    private final WorkspaceRecord workspace;
    private final Database database;

    JdbcEventRepository(WorkspaceRecord workspace, Database database) {
        this.workspace = workspace;
        this.database = database;
    }

    @Override
    public Accepted accept(NewEvent event, Instant now) {
        Objects.requireNonNull(event, "event");
        return guarded("storing an event of connector '" + event.connector() + "'",
                () -> database.write(handle -> insert(handle, event, now)));
    }

    @Override
    public List<Accepted> acceptAll(List<NewEvent> events, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        return guarded("storing " + events.size() + " events", () -> database.write(handle -> {
            if (events.size() > 1 && database.dialect() == Dialect.POSTGRESQL) {
                return insertBatch(handle, events, now);
            }
            List<Accepted> accepted = new java.util.ArrayList<>(events.size());
            for (NewEvent event : events) {
                accepted.add(insert(handle, event, now));
            }
            return accepted;
        }));
    }

    /**
     * PostgreSQL: the group's inserts go as one JDBC batch (one round trip), their ids come back as generated keys in
     * order, one per row inserted; a row not inserted (its key is a duplicate, perhaps of an earlier one of the same
     * group) is looked up.
     */
    private List<Accepted> insertBatch(org.jdbi.v3.core.Handle handle, List<NewEvent> events, Instant now) {
        PreparedBatch batch = handle.prepareBatch(INSERT_ROW);
        for (NewEvent event : events) {
            bindNew(batch, event, now).add();
        }
        BatchResultBearing result = batch.executePreparedBatch("id");
        Iterator<Long> ids = result.mapTo(Long.class).list().iterator();
        int[] inserted = result.modifiedRowCounts();
        List<Accepted> accepted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            accepted.add(inserted[i] > 0 ? new Accepted(ids.next(), false) : new Accepted(existing(handle, events.get(i)), true));
        }
        return accepted;
    }

    private <S extends SqlStatement<S>> S bindNew(S statement, NewEvent event, Instant now) {
        return statement.bind("workspace", workspace.id())
                .bind("connector", event.connector())
                .bind("direction", event.direction())
                .bind("eventKey", event.eventKey())
                .bind("orderingKey", event.orderingKey())
                .bind("eventType", event.eventType())
                .bind("status", event.ignored() ? Status.IGNORED.name() : Status.PENDING.name())
                .bind("payload", event.payload())
                .bind("now", database.dialect().timestamp(now));
    }

    private long existing(org.jdbi.v3.core.Handle handle, NewEvent event) {
        return handle.createQuery("SELECT id FROM events WHERE workspace_id = :workspace AND connector = :connector"
                        + " AND event_key = :eventKey")
                .bind("workspace", workspace.id())
                .bind("connector", event.connector())
                .bind("eventKey", event.eventKey())
                .mapTo(Long.class)
                .one();
    }

    private Accepted insert(org.jdbi.v3.core.Handle handle, NewEvent event, Instant now) {
        Optional<Long> id = bindNew(handle.createQuery(INSERT), event, now).mapTo(Long.class).findOne();
        return id.map(inserted -> new Accepted(inserted, false)).orElseGet(() -> new Accepted(existing(handle, event), true));
    }

    @Override
    public List<StoredEvent> claim(String connector, String worker, int limit, Instant now) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(worker, "worker");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return guarded("claiming events of connector '" + connector + "'", () -> database.write(handle -> {
            Dialect dialect = database.dialect();
            // Candidates another claimer holds are skipped, not waited for; only the oldest unfinished event of each
            // ordering key may go, so one wallet's events are delivered one after the other, in order.
            // A wallet with a long backlog at the front of the queue fills a window with events that must wait: look
            // further (a window twice as large) until enough may go or the pending events are all seen.
            List<Long> ids = List.of();
            for (int window = limit * CANDIDATE_FACTOR; ; window *= 2) {
                java.util.Map<Long, String> candidates = new java.util.LinkedHashMap<>();
                handle.createQuery(CANDIDATES + dialect.skipLocked())
                        .bind("workspace", workspace.id())
                        .bind("connector", connector)
                        .bind("now", dialect.timestamp(now))
                        .bind("window", window)
                        .map((row, context) -> candidates.put(row.getLong("id"), row.getString("ordering_key")))
                        .list();
                if (candidates.isEmpty()) {
                    return List.<StoredEvent>of();
                }
                java.util.Map<String, Long> heads = new java.util.HashMap<>();
                handle.createQuery(HEADS)
                        .bind("workspace", workspace.id())
                        .bind("connector", connector)
                        .bindList("keys", new java.util.ArrayList<>(new java.util.LinkedHashSet<>(candidates.values())))
                        .map((row, context) -> heads.put(row.getString("ordering_key"), row.getLong("head")))
                        .list();
                ids = candidates.entrySet().stream()
                        .filter(candidate -> candidate.getKey().equals(heads.get(candidate.getValue())))
                        .map(java.util.Map.Entry::getKey)
                        .limit(limit)
                        .toList();
                if (ids.size() >= limit || candidates.size() < window || window >= limit * CANDIDATE_FACTOR * MAX_WIDENINGS) {
                    break;
                }
            }
            if (ids.isEmpty()) {
                return List.<StoredEvent>of();
            }
            // By primary key alone: the ids come from this workspace's claim above, and a workspace_id condition here
            // lets the planner (without statistics) intersect with the workspace's whole history.
            List<StoredEvent> claimed = new ArrayList<>(handle.createQuery("UPDATE events SET status = 'DELIVERING',"
                            + " claimed_by = :worker, claimed_at = :now, attempts = attempts + 1 WHERE id IN (<ids>)"
                            + " RETURNING " + COLUMNS)
                    .bind("worker", worker)
                    .bind("now", dialect.timestamp(now))
                    .bindList("ids", ids)
                    .map(mapper())
                    .list());
            claimed.sort(Comparator.comparingLong(StoredEvent::id));
            return claimed;
        }));
    }

    @Override
    public void delivered(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        // Events delivered together mostly share their outcome's text: one UPDATE per distinct text, not one per event.
        java.util.Map<String, List<Long>> idsByDetail = new java.util.LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            idsByDetail.computeIfAbsent(outcome.detail(), detail -> new ArrayList<>()).add(outcome.id());
        }
        guarded("recording delivered events", () -> database.write(handle -> {
            for (java.util.Map.Entry<String, List<Long>> group : idsByDetail.entrySet()) {
                List<Long> ids = group.getValue();
                for (int from = 0; from < ids.size(); from += MAX_IDS) {
                    handle.createUpdate("UPDATE events SET status = 'DELIVERED', finished_at = :now, outcome_code = NULL,"
                                    + " outcome = :detail WHERE id IN (<ids>) AND status = 'DELIVERING'")
                            .bind("now", database.dialect().timestamp(now))
                            .bind("detail", group.getKey())
                            .bindList("ids", ids.subList(from, Math.min(ids.size(), from + MAX_IDS)))
                            .execute();
                }
            }
            return null;
        }));
    }

    @Override
    public void retry(long id, String code, String reason, Instant availableAt, Instant now) {
        guarded("putting event " + id + " back for a retry", () -> database.write(handle -> handle.createUpdate(
                        "UPDATE events SET status = 'PENDING', available_at = :availableAt, claimed_by = NULL,"
                                + " outcome_code = :code, outcome = :reason"
                                + " WHERE workspace_id = :workspace AND id = :id AND status = 'DELIVERING'")
                .bind("workspace", workspace.id())
                .bind("id", id)
                .bind("code", code)
                .bind("reason", reason)
                .bind("availableAt", database.dialect().timestamp(availableAt))
                .execute()));
    }

    @Override
    public void dead(long id, String code, String reason, Instant now) {
        guarded("making event " + id + " a dead letter", () -> database.write(handle -> handle.createUpdate(
                        "UPDATE events SET status = 'DEAD', finished_at = :now, claimed_by = NULL, outcome_code = :code,"
                                + " outcome = :reason WHERE workspace_id = :workspace AND id = :id AND status = 'DELIVERING'")
                .bind("workspace", workspace.id())
                .bind("id", id)
                .bind("code", code)
                .bind("reason", reason)
                .bind("now", database.dialect().timestamp(now))
                .execute()));
    }

    @Override
    public int releaseStale(Duration staleAfter, Instant now) {
        return guarded("putting back events whose worker stopped", () -> database.write(handle -> handle.createUpdate(
                        "UPDATE events SET status = 'PENDING', claimed_by = NULL, available_at = :now"
                                + " WHERE workspace_id = :workspace AND status = 'DELIVERING' AND claimed_at < :staleBefore")
                .bind("workspace", workspace.id())
                .bind("now", database.dialect().timestamp(now))
                .bind("staleBefore", database.dialect().timestamp(now.minus(staleAfter)))
                .execute()));
    }

    @Override
    public List<StoredEvent> deadLetters(String connector, int limit, Long before) {
        String filter = (connector == null ? "" : " AND connector = :connector") + (before == null ? "" : " AND id < :before");
        return guarded("listing dead letters", () -> database.read(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM events WHERE workspace_id = :workspace AND status = 'DEAD'" + filter
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("workspace", workspace.id())
                .bind("connector", connector)
                .bind("before", before)
                .bind("limit", limit)
                .map(mapper())
                .list()));
    }

    @Override
    public int replay(String connector, List<Long> ids, Instant now) {
        Objects.requireNonNull(connector, "connector");
        String filter = ids.isEmpty() ? "" : " AND id IN (<ids>)";
        return guarded("replaying dead letters of connector '" + connector + "'", () -> database.write(handle -> {
            var update = handle.createUpdate("UPDATE events SET status = 'PENDING', attempts = 0, available_at = :now,"
                            + " finished_at = NULL WHERE workspace_id = :workspace AND connector = :connector AND status = 'DEAD'"
                            + filter)
                    .bind("workspace", workspace.id())
                    .bind("connector", connector)
                    .bind("now", database.dialect().timestamp(now));
            if (!ids.isEmpty()) {
                update.bindList("ids", ids);
            }
            return update.execute();
        }));
    }

    @Override
    public Optional<StoredEvent> find(long id) {
        return guarded("reading event " + id, () -> database.read(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM events WHERE workspace_id = :workspace AND id = :id")
                .bind("workspace", workspace.id())
                .bind("id", id)
                .map(mapper())
                .findOne()));
    }

    @Override
    public ConnectorCounts counts(String connector, int latencySample) {
        return guarded("counting the events of connector '" + connector + "'", () -> database.read(handle -> {
            long[] counts = new long[6];
            handle.createQuery("SELECT status, count(*) AS n, coalesce(sum(CASE WHEN attempts > 1 THEN attempts - 1 ELSE 0 END), 0)"
                            + " AS retried FROM events WHERE workspace_id = :workspace AND connector = :connector GROUP BY status")
                    .bind("workspace", workspace.id())
                    .bind("connector", connector)
                    .map((row, context) -> {
                        long n = row.getLong("n");
                        counts[0] += n;
                        counts[5] += row.getLong("retried");
                        switch (Status.valueOf(row.getString("status"))) {
                            case DELIVERED -> counts[1] += n;
                            case IGNORED -> counts[2] += n;
                            case DEAD -> counts[3] += n;
                            case PENDING, DELIVERING -> counts[4] += n;
                        }
                        return 0;
                    }).list();
            Optional<Instant> oldest = handle.createQuery("SELECT received_at FROM events WHERE workspace_id = :workspace"
                            + " AND connector = :connector AND status IN ('PENDING', 'DELIVERING') ORDER BY id LIMIT 1")
                    .bind("workspace", workspace.id())
                    .bind("connector", connector)
                    .map((row, context) -> database.dialect().readTimestamp(row, "received_at"))
                    .findOne();
            List<Duration> latencies = new ArrayList<>(handle.createQuery("SELECT received_at, finished_at FROM events"
                            + " WHERE workspace_id = :workspace AND connector = :connector AND status = 'DELIVERED'"
                            + " ORDER BY finished_at DESC LIMIT :limit")
                    .bind("workspace", workspace.id())
                    .bind("connector", connector)
                    .bind("limit", latencySample)
                    .map((row, context) -> Duration.between(database.dialect().readTimestamp(row, "received_at"),
                            database.dialect().readTimestamp(row, "finished_at")))
                    .list());
            latencies.sort(Comparator.naturalOrder());
            return new ConnectorCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], oldest.orElse(null),
                    latencies);
        }));
    }

    private RowMapper<StoredEvent> mapper() {
        Dialect dialect = database.dialect();
        return (row, context) -> new StoredEvent(row.getLong("id"), row.getString("connector"), row.getString("direction"),
                row.getString("event_key"), row.getString("ordering_key"), row.getString("event_type"),
                Status.valueOf(row.getString("status")), row.getString("payload"), row.getInt("attempts"),
                dialect.readTimestamp(row, "received_at"), dialect.readTimestamp(row, "available_at"),
                row.getObject("finished_at") == null ? null : dialect.readTimestamp(row, "finished_at"),
                row.getString("outcome_code"), row.getString("outcome"));
    }

    private <T> T guarded(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw database.failure(action + " of workspace '" + workspace.name() + "'", e);
        }
    }
}

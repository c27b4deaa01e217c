package dev.cohort.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline of the events benchmark: PostgreSQL alone doing the least any durable event queue must do per event —
 * store it (committed before its sender could be answered) and later mark it delivered — with nothing else on the
 * machine: no HTTP, no JSON, no stand-ins. Events go in groups (one transaction of {@code group} inserts sent as one
 * JDBC batch, then one {@code UPDATE … WHERE id = ANY(…)} in a second transaction), from several connections at once,
 * into a copy of Cohort's {@code events} table ({@code LIKE events INCLUDING ALL}: the same columns and indexes) with
 * the envelopes AIR really sends. What this reaches is a ceiling for the end-to-end figure on the same machine, since
 * the end-to-end run must do at least this work on the same cores, and more besides.
 */
final class QueueFloor {
    private static final String TABLE = "bench_queue_floor";

    /** What the baseline measured. */
    record Result(int events, int group, int connections, double seconds, PhaseCpu.Use cpu) {
        double perSecond() {
            return events / seconds;
        }

        String describe() {
            return String.format(Locale.ROOT, "(0) PostgreSQL alone: %,d events stored and marked delivered in groups of %d from %d"
                            + " connections in %.1f s = %,.0f/s; CPU: PostgreSQL %.1f s, this JVM (JDBC) %.1f s, machine %.2f of %.0f"
                            + " cores busy; %.2f ms of PostgreSQL CPU per event", events, group, connections, seconds, perSecond(),
                    cpu.postgres(), cpu.jvm(), cpu.machine() / cpu.wall(), cpu.cores(), 1000 * cpu.postgres() / events);
        }
    }

    private QueueFloor() {
    }

    static Result measure(BenchDatabase database, List<String> payloads, int events, int group, int connections) {
        try (Connection setup = database.connect(); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (LIKE events INCLUDING ALL)");
            long workspace;
            try (ResultSet row = statement.executeQuery("SELECT min(id) FROM workspaces")) {
                row.next();
                workspace = row.getLong(1);
            }
            int perConnection = events / connections;
            PhaseCpu cpu = PhaseCpu.start(database.name());
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
                List<Future<Void>> done = new ArrayList<>();
                for (int c = 0; c < connections; c++) {
                    int connection = c;
                    done.add(pool.submit(() -> {
                        run(database, workspace, payloads, connection, perConnection, group);
                        return null;
                    }));
                }
                for (Future<Void> future : done) {
                    future.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Result result = new Result(perConnection * connections, group, connections, seconds, cpu.stop());
            statement.execute("DROP TABLE " + TABLE);
            return result;
        } catch (SQLException e) {
            throw new BenchmarkException("the PostgreSQL baseline failed in database " + database.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted during the PostgreSQL baseline", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new BenchmarkException("the PostgreSQL baseline failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void run(BenchDatabase database, long workspace, List<String> payloads, int connection, int events, int group)
            throws SQLException {
        try (Connection db = database.connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO " + TABLE + " (workspace_id, connector, direction,"
                     + " event_key, ordering_key, event_type, status, payload, attempts, received_at, available_at, claimed_by,"
                     + " claimed_at) VALUES (?, 'air_to_braze', 'OUT', ?, ?, 'POSCONNECT.WALLET.SETTLE', 'DELIVERING', ?, 1, now(),"
                     + " now(), 'floor', now()) ON CONFLICT (workspace_id, connector, event_key) DO NOTHING", new String[] {"id"});
             PreparedStatement delivered = db.prepareStatement("UPDATE " + TABLE + " SET status = 'DELIVERED', finished_at = now(),"
                     + " outcome = 'delivered' WHERE id = ANY(?) AND status = 'DELIVERING'")) {
            db.setAutoCommit(false);
            for (int first = 0; first < events; first += group) {
                int size = Math.min(group, events - first);
                for (int i = first; i < first + size; i++) {
                    insert.setLong(1, workspace);
                    insert.setString(2, "floor-" + connection + "-" + i);
                    insert.setString(3, "wallet:" + (i % 2000));
                    insert.setString(4, payloads.get((connection * 7919 + i) % payloads.size()));
                    insert.addBatch();
                }
                insert.executeBatch();
                Long[] ids = new Long[size];
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    for (int i = 0; keys.next(); i++) {
                        ids[i] = keys.getLong(1);
                    }
                }
                db.commit();
                Array array = db.createArrayOf("bigint", ids);
                delivered.setArray(1, array);
                delivered.executeUpdate();
                db.commit();
                array.free();
            }
        }
    }
}

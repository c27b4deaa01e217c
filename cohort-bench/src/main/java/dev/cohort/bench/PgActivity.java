package dev.cohort.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What PostgreSQL's backends for one database are doing, sampled from {@code pg_stat_activity} every
 * {@value #SAMPLE_MILLIS} ms on a connection of its own: each active backend in a sample counts once under its statement
 * (the event queue's statements by name, others by their first words) and what it waits for — nothing (running, on a
 * CPU or queued for one), the WAL being flushed at commit, a lock, or I/O. A poor man's profile of the store's share:
 * it tells the claim query from the inserts and the commits' flushes without any extension on the server. One phase at a
 * time; {@link #stop} once.
 */
final class PgActivity {
    static final long SAMPLE_MILLIS = 10;
    private static final String QUERY = """
            SELECT coalesce(wait_event_type, ''), coalesce(wait_event, ''), left(query, 80) FROM pg_stat_activity
            WHERE datname = ? AND state = 'active' AND pid <> pg_backend_pid()""";

    /**
     * The samples of a phase.
     *
     * @param samples    how many times {@code pg_stat_activity} was read
     * @param active     active backends seen, summed over the samples
     * @param statements active backends by statement and what they waited for
     */
    record Activity(long samples, long active, Map<String, Map<String, Long>> statements) {
        /** Lines: the mean of active backends, then each statement's share with its waits, most first. */
        List<String> describe() {
            List<String> lines = new ArrayList<>();
            if (samples == 0) {
                lines.add("not sampled");
                return lines;
            }
            lines.add(String.format(Locale.ROOT, "%.2f backends active on average (%,d samples, every %d ms); by statement"
                    + " (share of active backend time; what it waited for):", (double) active / samples, samples, SAMPLE_MILLIS));
            statements.entrySet().stream()
                    .sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())))
                    .filter(e -> 100.0 * total(e.getValue()) / Math.max(1, active) >= 0.5)
                    .forEach(e -> {
                        long all = total(e.getValue());
                        List<String> waits = new ArrayList<>();
                        e.getValue().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                                .forEach(w -> waits.add(String.format(Locale.ROOT, "%s %.0f%%", w.getKey(), 100.0 * w.getValue() / all)));
                        lines.add(String.format(Locale.ROOT, "  %s: %.0f%% (%s)", e.getKey(), 100.0 * all / active,
                                String.join(", ", waits)));
                    });
            return lines;
        }

        private static long total(Map<String, Long> waits) {
            return waits.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private PgActivity(String jdbcUrl, String database) {
        this.sampler = Thread.ofPlatform().daemon().name("pg-activity").start(() -> sampleUntilStopped(jdbcUrl, database));
    }

    /** Starts sampling the backends of {@code database}, connecting with {@code jdbcUrl}. */
    static PgActivity start(String jdbcUrl, String database) {
        return new PgActivity(jdbcUrl, database);
    }

    Activity stop() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Map<String, Long>> statements = new LinkedHashMap<>();
        counts.forEach((statement, waits) -> {
            Map<String, Long> copy = new LinkedHashMap<>();
            waits.forEach((wait, count) -> copy.put(wait, count.get()));
            statements.put(statement, copy);
        });
        return new Activity(samples.get(), active.get(), statements);
    }

    private void sampleUntilStopped(String jdbcUrl, String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, database);
            long next = System.nanoTime();
            while (running) {
                try (ResultSet rows = statement.executeQuery()) {
                    samples.incrementAndGet();
                    while (rows.next()) {
                        active.incrementAndGet();
                        counts.computeIfAbsent(statement(rows.getString(3)), s -> new ConcurrentHashMap<>())
                                .computeIfAbsent(waiting(rows.getString(1), rows.getString(2)), w -> new AtomicLong()).incrementAndGet();
                    }
                }
                next += SAMPLE_MILLIS * 1_000_000;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (SQLException e) {
            // PostgreSQL unreachable or the database dropped: what was sampled stays
        }
    }

    /** The event queue's statements by what they do; any other by its first words. */
    static String statement(String query) {
        String text = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (text.startsWith("INSERT INTO events")) {
            return "store an event (INSERT … ON CONFLICT DO NOTHING)";
        }
        if (text.startsWith("SELECT e.id FROM events e")) {
            return "claim: find due events (SELECT … NOT EXISTS … FOR UPDATE SKIP LOCKED)";
        }
        if (text.startsWith("UPDATE events SET status = 'DELIVERING'")) {
            return "claim: mark them DELIVERING";
        }
        if (text.startsWith("SELECT id, connector, direction")) {
            return "claim: read them back (payloads)";
        }
        if (text.startsWith("UPDATE events SET status = 'DELIVERED'")) {
            return "record delivered (UPDATE per event, batched)";
        }
        if (text.equalsIgnoreCase("COMMIT")) {
            return "COMMIT";
        }
        String[] words = text.split(" ");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(4, words.length)));
    }

    /** What a backend waits for: nothing ("running"), the WAL flush, a lock, I/O, … */
    static String waiting(String type, String event) {
        if (type.isEmpty()) {
            return "running";
        }
        if (event.startsWith("WAL")) {
            return "WAL flush (" + event + ")";
        }
        return type + ":" + event;
    }
}

package dev.cohort.bench;

import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs per second that some server nodes complete: requests a batch of runs through the API and waits
 * until every one is final. The runs go round-robin over the orchestrations (so the oldest waiting runs
 * belong to different orchestrations and destinations) and over the nodes (as a load balancer would
 * spread them), sent by {@value #SENDERS} concurrent clients. The workers start on the first runs while
 * the rest are still being requested: the time runs from the first request to the last run's
 * {@code finished_at} in the metadata store. A batch in which any run did not complete, or did not send
 * all its rows, fails the benchmark.
 */
final class QueueThroughput implements AutoCloseable {
    static final int SENDERS = 8;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String FINAL = "status NOT IN ('WAITING_TO_START', 'RUNNING')";

    private final List<ServerNode> nodes;
    private final ApiClient api;
    private final BenchDatabase database;
    private final ServerBenchmarkOptions options;
    private final PrintStream out;
    private final Connection connection;

    /** Opens the one connection to the metadata store it reads the runs through; {@link #close} closes it. */
    QueueThroughput(List<ServerNode> nodes, ApiClient api, BenchDatabase database, ServerBenchmarkOptions options,
                    PrintStream out) {
        this.nodes = List.copyOf(nodes);
        this.api = api;
        this.database = database;
        this.options = options;
        this.out = out;
        try {
            this.connection = database.connect();
        } catch (SQLException e) {
            throw new BenchmarkException("cannot connect to the benchmark's database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * What one batch of runs measured.
     *
     * @param phase          what was measured
     * @param nodes          how many nodes executed the runs
     * @param runs           runs in the batch
     * @param elapsed        from the first request to the last run's end
     * @param requesting     how long sending the requests took
     * @param runsByNode     completed runs by node name
     * @param runTimeP50     median time a run took, claim to end
     * @param runTimeP99     99th percentile of the same
     * @param cpu            CPU used during the batch
     * @param runIds         the batch's runs
     */
    record Result(String phase, int nodes, int runs, Duration elapsed, Duration requesting, Map<String, Long> runsByNode,
                  Duration runTimeP50, Duration runTimeP99, CpuSample.CpuUse cpu, List<Long> runIds) {
        double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        double runsPerSecond() {
            return runs / seconds();
        }
    }

    /** Runs {@code warmupRuns} runs per node unmeasured (each node's JIT warms up alike), then measures {@code runs} runs. */
    Result measure(String phase) {
        if (options.warmupRuns() > 0) {
            long start = System.nanoTime();
            List<Long> warmup = request(options.warmupRuns() * nodes.size());
            awaitFinal(warmup);
            verify(warmup, "warm-up of " + phase);
            out.printf(Locale.ROOT, "%s: warm-up, %,d runs in %.1f s%n", phase, warmup.size(), (System.nanoTime() - start) / 1e9);
        }
        CpuSample before = CpuSample.take(nodes, database.name());
        Instant first = Instant.now();
        long start = System.nanoTime();
        List<Long> ids = request(options.runs());
        Duration requesting = Duration.ofNanos(System.nanoTime() - start);
        awaitFinal(ids);
        CpuSample after = CpuSample.take(nodes, database.name());
        Map<String, Long> byNode = verify(ids, phase);
        Stats stats = stats(ids);
        Duration elapsed = Duration.between(first, stats.lastFinished());
        Result result = new Result(phase, nodes.size(), ids.size(), elapsed, requesting, byNode, stats.p50(), stats.p99(),
                before.until(after), ids);
        out.printf(Locale.ROOT, "%s: %,d runs in %.1f s = %.1f runs/s (requests sent in %.1f s; by node: %s)%n", phase,
                result.runs(), result.seconds(), result.runsPerSecond(), requesting.toNanos() / 1e9, byNode);
        return result;
    }

    /** Requests {@code count} runs, round-robin over orchestrations and nodes; their ids. */
    private List<Long> request(int count) {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int s = 0; s < Math.min(SENDERS, count); s++) {
                sent.add(senders.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        ServerNode node = nodes.get(i % nodes.size());
                        String orchestration = ServerBenchWorkspace.orchestration(i % options.orchestrations() + 1);
                        ids.add(api.requestRun(node.url(), orchestration));
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> future : sent) {
                    future.get();
                }
            } catch (ExecutionException e) {
                senders.shutdownNow();
                throw e.getCause() instanceof RuntimeException cause ? cause
                        : new BenchmarkException("requesting runs failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                senders.shutdownNow();
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted while requesting runs", e);
            }
        }
        return ids.stream().sorted().toList();
    }

    /** Waits until every run is final; fails if a node dies or the runs take far longer than they should. */
    private void awaitFinal(List<Long> ids) {
        // half a second a run, plus ten round trips to the partner: far more than a run takes
        Duration perRun = Duration.ofMillis(500).plus(options.partnerLatency().multipliedBy(10));
        Duration limit = Duration.ofSeconds(60).plus(perRun.multipliedBy(ids.size()));
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long done = query(ids, "SELECT count(*) FROM runs WHERE id = ANY(?) AND " + FINAL, r -> r.getLong(1)).getFirst();
            if (done == ids.size()) {
                return;
            }
            nodes.forEach(ServerNode::requireAlive);
            if (System.nanoTime() > deadline) {
                throw new BenchmarkException(String.format(Locale.ROOT,
                        "after %d s, %,d of %,d runs are still not final (%s); the last output of %s:%n%s",
                        limit.toSeconds(), ids.size() - done, ids.size(), statuses(ids), nodes.getFirst(),
                        nodes.getFirst().tail()));
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted while waiting for the runs", e);
            }
        }
    }

    /** Checks every run completed and sent every row; completed runs by node. */
    private Map<String, Long> verify(List<Long> ids, String phase) {
        List<String> wrong = query(ids, """
                SELECT id, orchestration, status, rows_sent, error_code, error_message FROM runs
                WHERE id = ANY(?) AND (status <> 'COMPLETED' OR rows_sent <> %d) ORDER BY id""".formatted(options.rowsPerRun()),
                r -> "run " + r.getLong(1) + " of " + r.getString(2) + ": " + r.getString(3) + ", " + r.getLong(4) + " rows sent"
                        + (r.getString(5) == null ? "" : " [" + r.getString(5) + "] " + r.getString(6)));
        if (!wrong.isEmpty()) {
            throw new BenchmarkException(String.format(Locale.ROOT, "%s: %,d of %,d runs did not complete with %d rows sent"
                    + " (%s); the first: %s", phase, wrong.size(), ids.size(), options.rowsPerRun(), statuses(ids),
                    String.join("; ", wrong.subList(0, Math.min(5, wrong.size())))));
        }
        Map<String, Long> byWorker = new LinkedHashMap<>();
        query(ids, "SELECT worker, count(*) FROM runs WHERE id = ANY(?) GROUP BY worker",
                r -> byWorker.put(String.valueOf(r.getString(1)), r.getLong(2)));
        Map<String, Long> byNode = new LinkedHashMap<>();
        for (ServerNode node : nodes) {
            byNode.put(node.name(), byWorker.entrySet().stream().filter(e -> e.getKey().endsWith(":" + node.pid()))
                    .mapToLong(Map.Entry::getValue).sum());
        }
        long counted = byNode.values().stream().mapToLong(Long::longValue).sum();
        if (counted != ids.size()) {
            throw new BenchmarkException(phase + ": " + (ids.size() - counted) + " runs were executed by no node of this phase"
                    + " (workers: " + byWorker + ")");
        }
        return byNode;
    }

    private String statuses(List<Long> ids) {
        return query(ids, "SELECT status, count(*) FROM runs WHERE id = ANY(?) GROUP BY status ORDER BY status",
                r -> r.getString(1) + " " + r.getLong(2)).stream().collect(Collectors.joining(", "));
    }

    private record Stats(Instant lastFinished, Duration p50, Duration p99) {}

    private Stats stats(List<Long> ids) {
        return query(ids, """
                SELECT max(finished_at),
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at)),
                       percentile_disc(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at))
                FROM runs WHERE id = ANY(?)""",
                r -> new Stats(r.getObject(1, OffsetDateTime.class).toInstant(), seconds(r.getDouble(2)),
                        seconds(r.getDouble(3)))).getFirst();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(List<Long> ids, String sql, Row<T> row) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            statement.setArray(1, array);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.map(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new BenchmarkException("cannot read the runs from the benchmark's database " + database + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the database is dropped next anyway
        }
    }
}

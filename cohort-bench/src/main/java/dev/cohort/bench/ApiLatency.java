package dev.cohort.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * API latency under load: {@code clients} virtual threads each send one request after another (a closed
 * loop, no think time) to one server node for a fixed time, and every request's time from send to the
 * whole body received is kept. Reports the median, 99th percentile and maximum, and requests per
 * second. Any answer but {@code 200} fails the benchmark.
 */
final class ApiLatency {
    private final ServerNode node;
    private final String database;
    private final ApiClient api;
    private final int clients;
    private final PrintStream out;

    /** Measures {@code node}, whose metadata store is PostgreSQL database {@code database}. */
    ApiLatency(ServerNode node, String database, ApiClient api, int clients, PrintStream out) {
        this.node = node;
        this.database = database;
        this.api = api;
        this.clients = clients;
        this.out = out;
    }

    /**
     * One request's latencies.
     *
     * @param request  what was requested, e.g. {@code GET /api/v1/runs?limit=50}
     * @param clients  concurrent clients
     * @param latency  every request's latency, in nanoseconds, sorted
     * @param elapsed  from the start to the last answer
     * @param cpu      CPU used meanwhile
     */
    record Result(String request, int clients, long[] latency, Duration elapsed, CpuSample.CpuUse cpu) {
        long requests() {
            return latency.length;
        }

        double perSecond() {
            return latency.length / (elapsed.toNanos() / 1e9);
        }

        /** The nearest-rank percentile {@code p} (0–100) in milliseconds. */
        double millis(double p) {
            return percentile(latency, p) / 1e6;
        }

        double maxMillis() {
            return latency[latency.length - 1] / 1e6;
        }
    }

    /** The nearest-rank percentile {@code p} (0–100) of {@code sorted}. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Sends the requests {@code requests} give, each client taking them in turn, for {@code duration}; nothing is kept. */
    void warmUp(Duration duration, List<Supplier<URI>> requests) {
        AtomicLong turn = new AtomicLong();
        Result warm = load("warm-up", duration, () -> requests.get((int) (turn.getAndIncrement() % requests.size())).get());
        out.printf(Locale.ROOT, "API warm-up: %,d requests in %.1f s%n", warm.requests(), warm.elapsed().toNanos() / 1e9);
    }

    /** Measures {@code request} for {@code duration}. */
    Result measure(String request, Duration duration, Supplier<URI> uris) {
        Result result = load(request, duration, uris);
        out.printf(Locale.ROOT, "%s with %d clients: %,d requests in %.1f s = %,.0f/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                request, clients, result.requests(), result.elapsed().toNanos() / 1e9, result.perSecond(), result.millis(50),
                result.millis(99), result.maxMillis());
        return result;
    }

    private Result load(String request, Duration duration, Supplier<URI> uris) {
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] end = new long[1];
        for (int c = 0; c < clients; c++) {
            long[][] samples = {new long[1024]};
            int[] count = {0};
            threads.add(Thread.ofVirtual().name("api-client-" + c).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < end[0]) {
                    URI uri = uris.get();
                    long sent = System.nanoTime();
                    String problem = null;
                    try {
                        HttpResponse<String> response = api.get(uri);
                        if (response.statusCode() != 200) {
                            problem = "GET " + uri + " answered " + response.statusCode() + ": " + ApiClient.excerpt(response.body());
                        }
                    } catch (BenchmarkException e) {
                        problem = "GET " + uri + ": " + e.getMessage();
                    }
                    long took = System.nanoTime() - sent;
                    if (problem != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, problem);
                        continue;
                    }
                    if (count[0] == samples[0].length) {
                        samples[0] = Arrays.copyOf(samples[0], samples[0].length * 2);
                    }
                    samples[0][count[0]++] = took;
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(samples[0], count[0]));
                }
            }));
        }
        CpuSample before = CpuSample.take(List.of(node), database);
        long start = System.nanoTime();
        end[0] = start + duration.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted while measuring " + request, e);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        CpuSample after = CpuSample.take(List.of(node), database);
        node.requireAlive();
        if (errors.get() > 0) {
            throw new BenchmarkException(String.format(Locale.ROOT, "%s: %,d requests failed; the first: %s", request,
                    errors.get(), firstError.get()));
        }
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            throw new BenchmarkException(request + ": no request was answered in " + duration.toSeconds() + " s");
        }
        return new Result(request, clients, all, elapsed, before.until(after));
    }
}

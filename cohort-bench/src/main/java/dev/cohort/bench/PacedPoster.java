package dev.cohort.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Posts JSON bodies to one URL at a fixed rate — an open loop, as a platform sends its events whatever the receiver's
 * speed: body {@code i} is due at {@code start + i / rate}, and leaves then on a virtual thread of its own, however
 * many earlier posts are still waiting for their answer (at most {@value #MAX_IN_FLIGHT}; beyond that the pacer waits,
 * and the lateness shows it). Each post's latency is the time from sending it to its whole answer (a post without an
 * answer is sent again, up to {@value #ATTEMPTS} times, and its latency includes the tries); how late a post left against
 * its schedule is kept too, so that a stalled pacer cannot hide slow answers.
 */
final class PacedPoster {
    static final int MAX_IN_FLIGHT = 256;
    static final String AUTH_HEADER = "X-Auth-Token";
    /** A post that gets no answer (the connection closed, a timeout) is sent again, as AIR does: the event id makes it safe. */
    static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI url;
    private final String token;

    PacedPoster(HttpClient http, URI url, String token) {
        this.http = http;
        this.url = url;
        this.token = token;
    }

    /**
     * What the posts came to.
     *
     * @param posts        bodies posted
     * @param rate         the rate asked for, per second
     * @param elapsed      from the first post's due time to the last answer
     * @param latencyNanos each answered post's latency, sorted
     * @param maxLateNanos the most a post left after its due time
     * @param statuses     answers by HTTP status
     * @param failures     posts without an answer after {@value #ATTEMPTS} attempts, by exception
     * @param retried      attempts without an answer that were tried again, by exception
     * @param sentAtMicros when each body was sent, in microseconds since the epoch (by this machine's clock), in the
     *                     order of the bodies
     */
    record Result(int posts, int rate, Duration elapsed, long[] latencyNanos, long maxLateNanos, Map<Integer, Long> statuses,
                  Map<String, Long> failures, Map<String, Long> retried, long[] sentAtMicros) {
        double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        /** Posts per second achieved, from the first due time to the last answer. */
        double perSecond() {
            return posts / seconds();
        }

        /** The nearest-rank percentile {@code p} (0–100) in milliseconds; NaN when nothing was answered. */
        double millis(double p) {
            return latencyNanos.length == 0 ? Double.NaN : ApiLatency.percentile(latencyNanos, p) / 1e6;
        }

        double maxMillis() {
            return latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6;
        }

        long retries() {
            return retried.values().stream().mapToLong(Long::longValue).sum();
        }

        long answered(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        /** Answers other than {@code 200} and posts without an answer, e.g. {@code 503 × 3}; "none" when every post got 200. */
        String others() {
            StringBuilder text = new StringBuilder();
            statuses.forEach((status, count) -> {
                if (status != 200) {
                    text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%d × %,d", status, count));
                }
            });
            failures.forEach((failure, count) -> text.append(text.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s × %,d", failure, count)));
            return text.isEmpty() ? "none" : text.toString();
        }
    }

    /**
     * Posts {@code posts} bodies in order at {@code rate} per second and waits for every answer; {@code bodies} makes
     * body {@code i} when it is due (on the pacing thread: it must be quick), so that they need not all be in memory.
     */
    Result post(int posts, IntFunction<String> bodies, int rate) {
        long[] latency = new long[posts];
        long[] sentAt = new long[posts];
        boolean[] answered = new boolean[posts];
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        Map<String, LongAdder> retried = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long maxLate = 0;
        long lastAnswer;
        long start;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long[] last = {0};
            start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            for (int i = 0; i < posts; i++) {
                long due = start + (long) (i * (1e9 / rate));
                long wait = due - System.nanoTime();
                while (wait > 0) {
                    LockSupport.parkNanos(wait);
                    wait = due - System.nanoTime();
                }
                inFlight.acquireUninterruptibly();
                maxLate = Math.max(maxLate, System.nanoTime() - due);
                int index = i;
                HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header(AUTH_HEADER, token)
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.apply(i)))
                        .build();
                threads.execute(() -> {
                    Instant now = Instant.now();
                    sentAt[index] = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
                    long sent = System.nanoTime();
                    try {
                        for (int attempt = 1; ; attempt++) {
                            try {
                                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                                latency[index] = System.nanoTime() - sent;
                                answered[index] = true;
                                statuses.computeIfAbsent(status, st -> new LongAdder()).increment();
                                break;
                            } catch (IOException e) {
                                String failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
                                if (attempt == ATTEMPTS) {
                                    failures.computeIfAbsent(failure, f -> new LongAdder()).increment();
                                    break;
                                }
                                retried.computeIfAbsent(failure, f -> new LongAdder()).increment();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failures.computeIfAbsent("interrupted", f -> new LongAdder()).increment();
                    } finally {
                        synchronized (last) {
                            last[0] = Math.max(last[0], System.nanoTime());
                        }
                        inFlight.release();
                    }
                });
            }
            threads.shutdown();
            try {
                if (!threads.awaitTermination(TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
                    throw new BenchmarkException("posts to " + url + " still unanswered " + TIMEOUT.toSeconds() * 2
                            + " s after the last was sent");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted while waiting for the answers from " + url, e);
            }
            synchronized (last) {
                lastAnswer = last[0];
            }
        }
        int count = 0;
        for (boolean a : answered) {
            count += a ? 1 : 0;
        }
        long[] sorted = new long[count];
        int at = 0;
        for (int i = 0; i < posts; i++) {
            if (answered[i]) {
                sorted[at++] = latency[i];
            }
        }
        Arrays.sort(sorted);
        return new Result(posts, rate, Duration.ofNanos(Math.max(1, lastAnswer - start)), sorted, maxLate, counts(statuses),
                counts(failures), counts(retried), sentAt);
    }

    private static <K extends Comparable<K>> Map<K, Long> counts(Map<K, LongAdder> adders) {
        Map<K, Long> counts = new TreeMap<>();
        adders.forEach((key, adder) -> counts.put(key, adder.sum()));
        return counts;
    }
}

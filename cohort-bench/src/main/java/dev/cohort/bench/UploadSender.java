package dev.cohort.bench;

import dev.cohort.spi.destination.RequestPermits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends Insider One upload requests ({@code POST /fps/v1/upload}) as Cohort's connector would, from many
 * concurrent clients (virtual threads) sharing one {@link HttpClient}: each request names a segment of its
 * own, the same tiny file and the same callback URL. Before each request a client takes a permit from the
 * {@link RequestPermits} it is given — the runtime's gate, or {@link RequestPermits#UNLIMITED} for the
 * baseline — and notes when it sent the request. Answers are counted by status.
 */
final class UploadSender {
    static final String PARTNER_HEADER = "X-PARTNER-NAME";
    static final String TOKEN_HEADER = "X-REQUEST-TOKEN";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI uploadUrl;
    private final String partner;
    private final String token;
    private final URI fileUrl;
    private final URI callbackUrl;
    private final int clients;

    UploadSender(HttpClient http, URI uploadUrl, String partner, String token, URI fileUrl, URI callbackUrl, int clients) {
        this.http = http;
        this.uploadUrl = uploadUrl;
        this.partner = partner;
        this.token = token;
        this.fileUrl = fileUrl;
        this.callbackUrl = callbackUrl;
        this.clients = clients;
    }

    /**
     * Sends {@code requests} uploads of segments {@code <prefix>-000001}… and returns what happened; each
     * client takes a permit from {@code permits} before each request.
     */
    Tally send(String prefix, int requests, RequestPermits permits) {
        AtomicInteger next = new AtomicInteger();
        long[] sent = new long[requests];
        int[] answers = new int[requests];
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        Instant startInstant = Instant.now();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < Math.min(clients, requests); c++) {
            threads.add(Thread.ofVirtual().name("bench-upload-client-" + c).start(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest request = request(String.format(Locale.ROOT, "%s-%06d", prefix, i + 1));
                        permits.acquire();
                        sent[i] = System.nanoTime();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            answers[i] = status;
                            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        } catch (IOException e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName(), f -> new LongAdder()).increment();
                        }
                        lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    broken.compareAndSet(null, e);
                } catch (RuntimeException e) {
                    broken.compareAndSet(null, e);
                }
            }));
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
            throw new BenchmarkException("interrupted while sending the " + prefix + " uploads", e);
        }
        if (broken.get() != null) {
            throw new BenchmarkException("a client sending the " + prefix + " uploads failed: " + broken.get(), broken.get());
        }
        return new Tally(requests, clients, start, startInstant, lastAnswer.get(), sent, answers, counts(statuses),
                counts(failures));
    }

    private HttpRequest request(String segmentName) {
        String body = String.format(Locale.ROOT, "{\"segment_name\":\"%s\",\"attribute\":\"email\",\"csv_url\":\"%s\","
                + "\"callback_url\":\"%s\",\"mode\":\"replace\"}", segmentName, fileUrl, callbackUrl);
        return HttpRequest.newBuilder(uploadUrl).timeout(TIMEOUT)
                .header(PARTNER_HEADER, partner)
                .header(TOKEN_HEADER, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static <K extends Comparable<K>> Map<K, Long> counts(Map<K, LongAdder> adders) {
        Map<K, Long> counts = new TreeMap<>();
        adders.forEach((key, adder) -> counts.put(key, adder.sum()));
        return counts;
    }

    /**
     * What one batch of uploads did.
     *
     * @param requests     requests sent
     * @param clients      concurrent clients
     * @param startNanos   {@link System#nanoTime()} when the first client started (before its first permit)
     * @param startInstant the wall-clock time then, to place each request in its clock second
     * @param endNanos     when the last answer (or failure) came
     * @param sentNanos    when each request was sent, right after its permit
     * @param answers      each request's HTTP status; 0 for none
     * @param statuses     answers by HTTP status
     * @param failures     requests that got no answer, by exception
     */
    record Tally(int requests, int clients, long startNanos, Instant startInstant, long endNanos, long[] sentNanos,
                 int[] answers, Map<Integer, Long> statuses, Map<String, Long> failures) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        /** Requests per second from the start to the last answer. */
        double perSecond() {
            return requests / seconds();
        }

        /**
         * Requests per second leaving out the first second: those sent from one second after the start,
         * over the time from then to the last answer; NaN when the batch took less than two seconds.
         */
        double perSecondAfterFirstSecond() {
            long from = startNanos + 1_000_000_000L;
            if (endNanos - from < 1_000_000_000L) {
                return Double.NaN;
            }
            long later = 0;
            for (long sent : sentNanos) {
                if (sent >= from) {
                    later++;
                }
            }
            return later / ((endNanos - from) / 1e9);
        }

        /** The most requests sent within one clock second (the stand-in's fixed window), by the clients' clock. */
        long busiestClockSecond() {
            long startEpochNanos = startInstant.getEpochSecond() * 1_000_000_000L + startInstant.getNano();
            Map<Long, Long> bySecond = new TreeMap<>();
            for (long sent : sentNanos) {
                bySecond.merge(Math.floorDiv(startEpochNanos + (sent - startNanos), 1_000_000_000L), 1L, Long::sum);
            }
            return bySecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        /**
         * When the requests answered {@code status} were sent, by second of the batch (the first is second 1):
         * {@code second 1: 12, second 2: 3}, at most {@code shown} seconds and then how many more; "none" when none was.
         */
        String secondsOf(int status, int shown) {
            Map<Long, Long> bySecond = new TreeMap<>();
            for (int i = 0; i < requests; i++) {
                if (answers[i] == status) {
                    bySecond.merge((sentNanos[i] - startNanos) / 1_000_000_000L + 1, 1L, Long::sum);
                }
            }
            if (bySecond.isEmpty()) {
                return "none";
            }
            List<String> seconds = new ArrayList<>();
            bySecond.entrySet().stream().limit(shown).forEach(e -> seconds.add(String.format(Locale.ROOT, "second %,d: %,d",
                    e.getKey(), e.getValue())));
            if (bySecond.size() > shown) {
                seconds.add("and in " + (bySecond.size() - shown) + " more seconds");
            }
            return String.join(", ", seconds);
        }

        /**
         * The most requests sent within any {@code window} (sliding): a gate pacing evenly sends at most about
         * window × rate; more means requests bunched after a stall.
         */
        int mostSentWithin(Duration window) {
            long[] sorted = sentNanos.clone();
            Arrays.sort(sorted);
            int most = 0;
            int first = 0;
            for (int last = 0; last < sorted.length; last++) {
                while (sorted[last] - sorted[first] >= window.toNanos()) {
                    first++;
                }
                most = Math.max(most, last - first + 1);
            }
            return most;
        }

        long answered(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        /** Answers other than {@code 202} and {@code 429}, and requests without an answer, e.g. {@code 500 × 3}. */
        String others() {
            List<String> others = new ArrayList<>();
            statuses.forEach((status, count) -> {
                if (status != 202 && status != 429) {
                    others.add(String.format(Locale.ROOT, "%d × %,d", status, count));
                }
            });
            failures.forEach((failure, count) -> others.add(String.format(Locale.ROOT, "%s × %,d", failure, count)));
            return others.isEmpty() ? "0" : String.join(", ", others);
        }
    }
}

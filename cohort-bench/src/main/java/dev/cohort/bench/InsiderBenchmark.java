package dev.cohort.bench;

import dev.cohort.runtime.run.RequestGates;
import dev.cohort.sandbox.insider.InsiderRequestCounts;
import dev.cohort.sandbox.insider.SandboxInsiderServer;
import dev.cohort.spi.destination.RateLimit;
import dev.cohort.spi.destination.RequestPermits;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Does the runtime's rate gate keep Cohort under a partner's limit without wasting it? Starts the Insider
 * One stand-in ({@link SandboxInsiderServer}) with one account limited to {@code --rate} requests per clock
 * second, and a small HTTP server of the benchmark's own serving the segment file and taking the callbacks
 * ({@link SegmentFileHost}). Then, in one run:
 * <ol>
 *   <li>(1) {@code --clients} virtual threads send {@code --requests} upload requests in all, each after
 *       taking a permit from {@link RequestGates#shared()} for {@code RateLimit.perSecond(rate)} — the gate
 *       Cohort's runs take their permits from, which paces them evenly at 98% of the rate. It reports the
 *       achieved rate (goal: at least 97% of the limit) and the 429 answers (goal: none), seen by the
 *       clients and counted by the stand-in;</li>
 *   <li>(2) a baseline: the same clients send a burst of {@code --burst} requests (2 × rate unless set)
 *       without the gate, from the start of a clock second, to show that the stand-in does answer 429 above
 *       its limit — so that the 0 of (1) means something.</li>
 * </ol>
 *
 * <p>Run by hand ({@code ./cohort-bench/run insider}); see the module's README.
 */
public final class InsiderBenchmark {
    static final String PARTNER = "cohort-bench";
    /** The account of the warm-up, so that its requests use none of the measured account's windows. */
    static final String WARMUP_PARTNER = "cohort-bench-warmup";
    /** The gate's key as Cohort forms it: the destination type, then the credential. */
    static final String GATE_KEY = "insider-one|credential:bench";
    static final String WARMUP_GATE_KEY = "insider-one|credential:warmup";
    static final double GOAL_SHARE = 0.97;
    private static final Duration CALLBACK_DELAY = Duration.ofMillis(100);
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(30);

    private final InsiderBenchmarkOptions options;
    private final PrintStream out;

    private InsiderBenchmark(InsiderBenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark and prints its results to {@code out}. */
    static void run(InsiderBenchmarkOptions options, PrintStream out) {
        new InsiderBenchmark(options, out).run();
    }

    private void run() {
        out.println(header());
        String token = token();
        String warmupToken = token();
        try (SegmentFileHost host = SegmentFileHost.start();
             SandboxInsiderServer insider = SandboxInsiderServer.builder().account(PARTNER, token)
                     .account(WARMUP_PARTNER, warmupToken).rateLimitPerSecond(options.rate()).callbackDelay(CALLBACK_DELAY).start();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            UploadSender sender = new UploadSender(http, insider.uploadUrl(), PARTNER, token, host.fileUrl(),
                    host.callbackUrl(), options.clients());
            RequestPermits permits = RequestGates.shared().permits(RateLimit.perSecond(options.rate()), GATE_KEY);
            long warmedUp = warmUp(http, insider, host, warmupToken);

            Phase gated = measure(insider, "(1) through the runtime's gate", () -> sender.send("bench", options.requests(), permits));
            startOfNextClockSecond();
            Phase burst = measure(insider, "(2) baseline: no gate, one burst", () -> sender.send("burst", options.burst(),
                    RequestPermits.UNLIMITED));
            long accepted = warmedUp + gated.tally().answered(202) + burst.tally().answered(202);
            boolean allCalledBack = awaitCallbacks(host, accepted);
            report(gated, burst);
            out.printf(Locale.ROOT, "the stand-in's work: %,d accepted uploads, %,d segment file downloads, %,d callbacks"
                    + " received%s%n", accepted, host.downloads(), host.callbacks(),
                    allCalledBack ? "" : " (not all within " + CALLBACK_WAIT.toSeconds() + " s after the last request)");
        }
    }

    /**
     * Sends the {@code --warmup} requests for the warm-up account through its own gate, unmeasured; returns
     * how many were accepted.
     */
    private long warmUp(HttpClient http, SandboxInsiderServer insider, SegmentFileHost host, String warmupToken) {
        if (options.warmup() == 0) {
            return 0;
        }
        UploadSender sender = new UploadSender(http, insider.uploadUrl(), WARMUP_PARTNER, warmupToken, host.fileUrl(),
                host.callbackUrl(), options.clients());
        UploadSender.Tally warmup = sender.send("warmup", options.warmup(),
                RequestGates.shared().permits(RateLimit.perSecond(options.rate()), WARMUP_GATE_KEY));
        out.printf(Locale.ROOT, "warm-up (another account, its own gate, not measured): %,d requests in %.1f s, %,d answered 429%n",
                warmup.requests(), warmup.seconds(), warmup.answered(429));
        return warmup.answered(202);
    }

    private String header() {
        return String.format(Locale.ROOT, """
                Cohort rate-limit benchmark: %,d Insider One upload requests at a limit of %,d requests/s, %d clients;
                  gate: RequestGates.shared().permits(RateLimit.perSecond(%d), "%s"), permits paced evenly at 98%% of the rate;
                  partner: the Insider One stand-in (cohort-sandbox), %d requests per clock second per account, 429 above,
                  callbacks %d ms after each file is read; the segment file and the callbacks on loopback;
                  baseline: a burst of %,d requests without the gate, from the start of a clock second;
                  warm-up: %s
                %s  load average before the start: %s
                """, options.requests(), options.rate(), options.clients(), options.rate(), GATE_KEY, options.rate(),
                CALLBACK_DELAY.toMillis(), options.burst(), options.warmup() == 0 ? "none (the measurement starts in a cold JVM)"
                        : String.format(Locale.ROOT, "%,d requests for another account first, not measured", options.warmup()),
                Environment.machineAndJvm(), Environment.loadAverage());
    }

    private Phase measure(SandboxInsiderServer insider, String name, Supplier<UploadSender.Tally> send) {
        InsiderRequestCounts before = insider.requestCounts(PARTNER);
        UploadSender.Tally tally = send.get();
        InsiderRequestCounts after = insider.requestCounts(PARTNER);
        Phase phase = new Phase(name, tally, new InsiderRequestCounts(after.admitted() - before.admitted(),
                after.rateLimited() - before.rateLimited()));
        out.printf(Locale.ROOT, "%s: %,d requests in %.1f s, %.1f requests/s, %,d answered 429%n", name, tally.requests(),
                tally.seconds(), tally.perSecond(), tally.answered(429));
        return phase;
    }

    /**
     * Waits until the next clock second has begun, so that the burst starts in a fresh window of the
     * stand-in's fixed one-second limit and cannot straddle two of them.
     */
    private static void startOfNextClockSecond() {
        long millis = System.currentTimeMillis();
        long untilNext = 1000 - millis % 1000;
        try {
            Thread.sleep(untilNext + 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while waiting for the next clock second", e);
        }
    }

    /** Waits (at most {@link #CALLBACK_WAIT}) until a callback came for each accepted upload. */
    private static boolean awaitCallbacks(SegmentFileHost host, long accepted) {
        long deadline = System.nanoTime() + CALLBACK_WAIT.toNanos();
        while (host.callbacks() < accepted && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return host.callbacks() >= accepted;
    }

    private void report(Phase gated, Phase burst) {
        out.println();
        out.print(table(List.of(gated, burst)));
        out.println();
        UploadSender.Tally g = gated.tally();
        double goal = GOAL_SHARE * options.rate();
        boolean rateMet = g.perSecond() >= goal;
        out.printf(Locale.ROOT, "achieved rate through the gate: %.2f requests/s over the whole run, %s after the first second;"
                        + " goal at least %.2f (%.2f × %d): %s%n", g.perSecond(), rate(g.perSecondAfterFirstSecond()), goal,
                GOAL_SHARE, options.rate(), rateMet ? "met" : "NOT met");
        boolean noneRefused = g.answered(429) == 0 && gated.standIn().rateLimited() == 0;
        out.printf(Locale.ROOT, "429 answers through the gate: %,d seen by the clients, %,d counted by the stand-in; goal 0: %s%n",
                g.answered(429), gated.standIn().rateLimited(), noneRefused ? "met" : "NOT met");
        if (g.answered(429) > 0) {
            out.println("  when the refused requests were sent: " + g.secondsOf(429, 10));
        }
        UploadSender.Tally b = burst.tally();
        out.printf(Locale.ROOT, "baseline without the gate: %,d of %,d requests answered 429 (the stand-in counted %,d) at"
                        + " %.0f requests/s: %s%n", b.answered(429), b.requests(), burst.standIn().rateLimited(), b.perSecond(),
                b.answered(429) > 0 ? "the stand-in does refuse requests above " + options.rate() + "/s, so a 0 in (1) is meaningful"
                        : "NO 429: the burst did not exceed the stand-in's limit (too slow, or it spanned two clock seconds); raise --burst");
    }

    static String table(List<Phase> phases) {
        StringBuilder out = new StringBuilder();
        out.append("| phase | clients | requests | seconds | requests/s | requests/s after the first second "
                + "| most sent in one clock second | most sent in 100 ms | 202 | 429 (clients) | 429 (stand-in's count) | other answers |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Phase phase : phases) {
            UploadSender.Tally t = phase.tally();
            out.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %.2f | %s | %,d | %,d | %,d | %,d | %,d | %s |%n",
                    phase.name(), t.clients(), t.requests(), t.seconds(), t.perSecond(), rate(t.perSecondAfterFirstSecond()),
                    t.busiestClockSecond(), t.mostSentWithin(Duration.ofMillis(100)), t.answered(202), t.answered(429), phase.standIn().rateLimited(), t.others()));
        }
        return out.toString();
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%.2f", perSecond);
    }

    /** A random API token for the stand-in's account; never printed. */
    private static String token() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * One batch of uploads and what the stand-in counted of it.
     *
     * @param name    the table's row label
     * @param tally   what the clients saw
     * @param standIn the stand-in's count of admitted and refused requests during the batch
     */
    record Phase(String name, UploadSender.Tally tally, InsiderRequestCounts standIn) {}
}

package dev.cohort.bench;

import dev.cohort.bench.EventsBenchmarkOptions.Store;
import dev.cohort.sandbox.air.AirIdentity;
import dev.cohort.sandbox.air.AirNotification;
import dev.cohort.sandbox.air.AirNotificationCounts;
import dev.cohort.sandbox.air.AirWallet;
import dev.cohort.sandbox.air.SandboxAirServer;
import dev.cohort.sandbox.braze.BrazeCustomEvent;
import dev.cohort.sandbox.braze.BrazeRequestCounts;
import dev.cohort.sandbox.braze.BrazeUser;
import dev.cohort.sandbox.braze.SandboxBrazeServer;
import dev.cohort.server.CohortServer;
import dev.cohort.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Event connectors end to end — Cohort's AIR stand-in → Cohort → Cohort's Braze stand-in, all on loopback in this JVM,
 * durable (every event stored before it is answered) — on SQLite and on PostgreSQL. For each store it writes a
 * workspace with one {@code out} connector ({@link EventsBenchWorkspace}), applies it to a fresh store (a SQLite file,
 * or a PostgreSQL database created and dropped, {@link BenchDatabase}), starts the stand-ins and a {@link CohortServer}
 * in this JVM (one node, one worker, so its event delivery loops run) and points AIR's connector URL at the server's
 * {@code /out/braze/air_to_braze}. AIR's wallets each have a {@code CUSTOMER_ID} identity, which Cohort sends to Braze as
 * the user's {@code external_id}. Then:
 * <ol>
 *   <li>a warm-up: {@code --warmup} notifications emitted and delivered, unmeasured;</li>
 *   <li>(1) throughput: AIR emits {@code --events} {@code POSCONNECT.WALLET.SETTLE} notifications as fast as its
 *       {@code --senders} concurrent senders can post them (each answered 200 only once Cohort stored the event).
 *       Accepted events/s: until AIR has had every 200; delivered events/s: from the first emission until Braze has
 *       received every event. Each event must reach Braze exactly once ({@link BrazeTally});</li>
 *   <li>(2) accept latency: notifications posted at a steady {@code --rate} for {@code --latency-seconds} by the
 *       benchmark's own open-loop client ({@link PacedPoster}), each an envelope AIR made in (1) with a new
 *       {@code eesEventId}; the p50/p99/max time to Cohort's 200, and the time from each post to Braze's receipt.</li>
 * </ol>
 * Each phase reports where the CPU went: this JVM and PostgreSQL ({@link PhaseCpu}), the JVM's threads
 * ({@link ThreadCpu}) and its Java code by part of the pipeline ({@link CpuProfile}). The table puts the stores side by
 * side and says whether the goal — at least {@value #GOAL_PER_SECOND} events/s delivered on PostgreSQL — was met.
 *
 * <p>Run by hand ({@code ./cohort-bench/run events}); see the module's README.
 */
public final class EventsBenchmark {
    static final int GOAL_PER_SECOND = 5_000;
    static final String SETTLE_EVENT = "POSCONNECT.WALLET.SETTLE";
    /** The baseline's transaction size and connections: generous, so that it shows what PostgreSQL alone can do. */
    static final int FLOOR_GROUP = 64;
    static final int FLOOR_CONNECTIONS = 4;
    /** Braze's stand-in limit, far above what the benchmark sends, so that it is never the bottleneck. */
    static final int BRAZE_REQUESTS_PER_SECOND = 1_000_000;
    /** A phase fails when neither AIR's accepted count nor Braze's received count moved for this long. */
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final long POLL_NANOS = 5_000_000;

    private final EventsBenchmarkOptions options;
    private final PrintStream out;
    private final long mainThread = ThreadCpu.currentThreadId();

    private EventsBenchmark(EventsBenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark and prints its results to {@code out}. */
    static void run(EventsBenchmarkOptions options, PrintStream out) {
        new EventsBenchmark(options, out).run();
    }

    /** What one phase of one store measured: the phase's own numbers, Braze's tally, and where the CPU went. */
    record Phase(String name, int events, double seconds, BrazeTally tally, BrazeRequestCounts braze, AirNotificationCounts air,
                 PhaseCpu.Use cpu, Map<String, Double> threads, CpuProfile.Profile profile, PgActivity.Activity postgres) {
        double cpuPerEventMillis(boolean postgres) {
            return 1000 * (cpu.jvm() + (postgres ? cpu.postgres() : 0)) / events;
        }

        /** What the machine's cores spent on neither this JVM nor (with {@code postgres}) PostgreSQL: other people's work. */
        double otherCpu(boolean postgres) {
            return Math.max(0, cpu.machine() - cpu.jvm() - (postgres ? cpu.postgres() : 0));
        }
    }

    /**
     * The throughput phase.
     *
     * @param phase          CPU and tally, over the phase (from the first emission to the last event at Braze)
     * @param emitSeconds    until AIR had made (queued) every notification
     * @param acceptSeconds  until AIR had a 200 for every notification
     * @param deliverSeconds until Braze had received every event
     */
    record Throughput(Phase phase, double emitSeconds, double acceptSeconds, double deliverSeconds) {
        double acceptedPerSecond() {
            return phase.events() / acceptSeconds;
        }

        double deliveredPerSecond() {
            return phase.events() / deliverSeconds;
        }
    }

    /**
     * The accept-latency phase.
     *
     * @param phase          CPU and tally, over the phase
     * @param posts          the paced posts and their latencies
     * @param deliverSeconds from the first post's due time until Braze had every event
     * @param endToEndMicros for each event Braze received, from its post to Braze's receipt, sorted
     */
    record Latency(Phase phase, PacedPoster.Result posts, double deliverSeconds, long[] endToEndMicros) {
        double endToEndMillis(double p) {
            return endToEndMicros.length == 0 ? Double.NaN : ApiLatency.percentile(endToEndMicros, p) / 1e3;
        }
    }

    /** One store's results; the baselines {@code floor} (PostgreSQL alone) and {@code http} (the HTTP hop alone) only for PostgreSQL. */
    record StoreResult(Store store, Throughput throughput, Latency latency, QueueFloor.Result floor, HttpFloor.Result http) {}

    private void run() {
        out.println(header());
        Path directory = options.directory().orElseGet(BenchFiles::newTemporaryDirectory);
        Path base = directory.resolve("events-bench");
        List<StoreResult> results = new ArrayList<>();
        try {
            for (Store store : options.stores()) {
                results.add(measure(store, base.resolve(store.name().toLowerCase(Locale.ROOT))));
            }
            report(results);
        } catch (IOException e) {
            throw new BenchmarkException("cannot write under " + base + ": " + e.getMessage(), e);
        } finally {
            if (options.keep()) {
                out.println("kept " + base + " (the PostgreSQL database is dropped all the same)");
            } else {
                try {
                    BenchFiles.deleteRecursively(base);
                    if (options.directory().isEmpty()) {
                        BenchFiles.deleteIfEmpty(directory);
                    }
                } catch (IOException e) {
                    out.println("could not delete the benchmark's files in " + base + ": " + e.getMessage());
                }
            }
        }
    }

    private String header() {
        return String.format(Locale.ROOT, """
                Cohort event connectors benchmark: AIR stand-in → Cohort (/out/braze/%s) → Braze stand-in, in one JVM on loopback
                  (1) throughput: %,d POSCONNECT.WALLET.SETTLE notifications over %,d wallets, %d concurrent AIR senders
                  (2) accept latency: %,d notifications/s for %d s, open loop (each post leaves on time, whatever the answers)
                  warm-up first: %,d notifications, delivered, unmeasured; stores: %s
                  one Cohort node (1 worker: its event delivery loops), durable: each event stored before it is answered 200;
                  Braze stand-in limit %,d requests/s (not the bottleneck); at most 75 objects per Braze array
                %s  load average before the start: %s
                """, EventsBenchWorkspace.CONNECTOR, options.events(), options.wallets(), options.senders(), options.rate(),
                options.latencyDuration().toSeconds(), options.warmup(),
                String.join(", ", options.stores().stream().map(Store::label).toList()), BRAZE_REQUESTS_PER_SECOND,
                Environment.machineAndJvm(), Environment.loadAverage());
    }

    private StoreResult measure(Store store, Path folder) throws IOException {
        out.println("== " + store.label() + " ==");
        Files.createDirectories(folder);
        EventsBenchWorkspace workspace = EventsBenchWorkspace.create(folder.resolve("workspace"));
        try (BenchDatabase database = store == Store.POSTGRES ? BenchDatabase.create(options.postgresUrl()) : null;
             SandboxBrazeServer braze = SandboxBrazeServer.builder().apiKey(workspace.brazeKey())
                     .rateLimit(BRAZE_REQUESTS_PER_SECOND, Duration.ofSeconds(1)).start();
             SandboxAirServer air = air(workspace)) {
            String databaseUrl = database != null ? database.jdbcUrl() : "jdbc:sqlite:" + folder.resolve("metadata.db");
            String version = database != null ? postgresDurability(database) : "SQLite file " + folder.resolve("metadata.db")
                    + " (WAL journal, synchronous=FULL, one writer connection)";
            out.println("metadata store: " + version);
            workspace.write(air.url(), braze.url());
            workspace.apply(databaseUrl);
            try (CohortServer server = CohortServer.start(workspace.home(databaseUrl), ServerOptions.defaults()
                    .withHost("127.0.0.1").withPort(0).withWorkers(1).withNode("events-bench"))) {
                URI connector = URI.create(server.url() + EventsBenchWorkspace.connectorPath());
                air.connector(connector, workspace.externalKey());
                out.println("Cohort listens at " + server.url() + "; AIR posts to " + connector);
                List<String> wallets = air.wallets().stream().map(AirWallet::walletId).toList();
                if (options.warmup() > 0) {
                    Throughput warm = emit("warm-up", options.warmup(), air, braze, wallets, database, false);
                    out.printf(Locale.ROOT, "warm-up: %,d events accepted in %.1f s, delivered in %.1f s%n", options.warmup(),
                            warm.acceptSeconds(), warm.deliverSeconds());
                }
                Throughput throughput = emit("(1) throughput", options.events(), air, braze, wallets, database, true);
                describe(throughput.phase(), database != null);
                QueueFloor.Result floor = null;
                if (database != null) {
                    floor = QueueFloor.measure(database, templates(air).stream().map(AirNotification::json).toList(),
                            options.events(), FLOOR_GROUP, FLOOR_CONNECTIONS);
                    out.println(floor.describe());
                }
                Latency latency = paced(air, braze, connector, workspace.externalKey(), database);
                describe(latency.phase(), database != null);
                HttpFloor.Result http = null;
                if (database != null) {
                    http = HttpFloor.measure(air, wallets, options.events());
                    out.println(http.describe());
                }
                return new StoreResult(store, throughput, latency, floor, http);
            }
        }
    }

    private SandboxAirServer air(EventsBenchWorkspace workspace) {
        SandboxAirServer.Builder builder = SandboxAirServer.builder().client(workspace.clientId(), workspace.clientSecret())
                .notificationSenders(options.senders());
        for (int w = 1; w <= options.wallets(); w++) {
            builder.wallet(AirIdentity.customerId(customerId(w)));
        }
        return builder.start();
    }

    static String customerId(int wallet) {
        return String.format(Locale.ROOT, "C%07d", wallet);
    }

    /** PostgreSQL's version and the settings that make a commit durable. */
    private static String postgresDurability(BenchDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'),"
                     + " current_setting('synchronous_commit'), current_setting('wal_sync_method'), current_setting('commit_delay')")) {
            result.next();
            return String.format(Locale.ROOT, "PostgreSQL %s, database %s (fsync=%s, synchronous_commit=%s, wal_sync_method=%s,"
                    + " commit_delay=%s)", result.getString(1), database.name(), result.getString(2), result.getString(3),
                    result.getString(4), result.getString(5));
        } catch (SQLException e) {
            throw new BenchmarkException("cannot read the settings of PostgreSQL database " + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** AIR emits {@code count} settlements; times its 200s and Braze's receipts. */
    private Throughput emit(String name, int count, SandboxAirServer air, SandboxBrazeServer braze, List<String> wallets,
                            BenchDatabase database, boolean measured) {
        braze.clearUsers();
        AirNotificationCounts airBefore = air.notificationCounts();
        BrazeRequestCounts brazeBefore = braze.requestCounts();
        Watch watch = measured ? Watch.start(database, mainThread) : null;
        long start = System.nanoTime();
        try {
            air.emitSettlements(count, wallets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while AIR emitted the " + name + " notifications", e);
        }
        long emitted = System.nanoTime();
        long[] done = awaitBoth(name, count, () -> air.notificationCounts().delivered() - airBefore.delivered(),
                () -> braze.requestCounts().eventsProcessed() - brazeBefore.eventsProcessed(), air, braze, airBefore, brazeBefore);
        Phase phase = finish(name, count, (done[1] - start) / 1e9, braze, brazeBefore, air, airBefore, watch);
        Throughput result = new Throughput(phase, (emitted - start) / 1e9, (done[0] - start) / 1e9, (done[1] - start) / 1e9);
        if (measured) {
            out.printf(Locale.ROOT, "%s: %,d events emitted in %.1f s, accepted (200 to AIR) in %.1f s = %,.0f/s, delivered"
                            + " (at Braze) in %.1f s = %,.0f/s%n", name, count, result.emitSeconds(), result.acceptSeconds(),
                    result.acceptedPerSecond(), result.deliverSeconds(), result.deliveredPerSecond());
        }
        requireExactlyOnce(phase);
        return result;
    }

    /** The benchmark's own client posts AIR envelopes at a steady rate; then waits for Braze to have them all. */
    private Latency paced(SandboxAirServer air, SandboxBrazeServer braze, URI connector, String externalKey,
                          BenchDatabase database) {
        String name = "(2) accept latency";
        int count = Math.toIntExact((long) options.rate() * options.latencyDuration().toSeconds());
        List<AirNotification> templates = templates(air);
        air.clearNotifications();
        String[] ids = new String[count];
        Map<String, Integer> indexById = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.randomUUID().toString();
            indexById.put(ids[i], i);
        }
        IntFunction<String> bodies = i -> {
            AirNotification template = templates.get(i % templates.size());
            return template.json().replace(template.eesEventId(), ids[i]);
        };
        long envelopeBytes = templates.stream().mapToLong(t -> t.json().length()).sum() / templates.size();
        braze.clearUsers();
        AirNotificationCounts airBefore = air.notificationCounts();
        BrazeRequestCounts brazeBefore = braze.requestCounts();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build()) {
            Watch watch = Watch.start(database, mainThread);
            long start = System.nanoTime();
            PacedPoster.Result posts = new PacedPoster(http, connector, externalKey).post(count, bodies, options.rate());
            if (posts.answered(200) != count) {
                watch.stop();
                throw new BenchmarkException(String.format(Locale.ROOT, "%s: of %,d posts to %s, %,d were answered 200; others: %s",
                        name, count, connector, posts.answered(200), posts.others()));
            }
            long[] done = awaitBoth(name, count, () -> count, () -> braze.requestCounts().eventsProcessed()
                    - brazeBefore.eventsProcessed(), air, braze, airBefore, brazeBefore);
            Phase phase = finish(name, count, (done[1] - start) / 1e9, braze, brazeBefore, air, airBefore, watch);
            long[] endToEnd = endToEnd(braze.users(), indexById, posts.sentAtMicros());
            Latency latency = new Latency(phase, posts, (done[1] - start) / 1e9, endToEnd);
            out.printf(Locale.ROOT, "%s: %,d posts of AIR envelopes (%,d bytes on average) at %,d/s in %.1f s (achieved %,.0f/s;"
                            + " the pacer was at most %.1f ms late), 200 to each: p50 %.1f ms, p99 %.1f ms, max %.1f ms; all at"
                            + " Braze %.1f s after the first post; post → Braze p50 %.0f ms, p99 %.0f ms%n", name, count,
                    envelopeBytes, options.rate(), posts.seconds(),
                    posts.perSecond(), posts.maxLateNanos() / 1e6, posts.millis(50), posts.millis(99), posts.maxMillis(),
                    latency.deliverSeconds(), latency.endToEndMillis(50), latency.endToEndMillis(99));
            if (posts.retries() > 0) {
                out.printf(Locale.ROOT, "  posts sent again after no answer: %,d (%s)%n", posts.retries(), posts.retried());
            }
            requireExactlyOnce(phase);
            return latency;
        }
    }

    /** The newest settlement envelope of each wallet AIR made: what the paced client sends, each with a new event id. */
    private static List<AirNotification> templates(SandboxAirServer air) {
        Map<String, AirNotification> byWallet = new LinkedHashMap<>();
        for (AirNotification notification : air.notifications()) {
            if (notification.eventName().equals(SETTLE_EVENT)) {
                byWallet.put(notification.walletId(), notification);
            }
        }
        if (byWallet.isEmpty()) {
            throw new BenchmarkException("the AIR stand-in kept no " + SETTLE_EVENT + " notification to copy");
        }
        return List.copyOf(byWallet.values());
    }

    /** For each event Braze received that the paced client sent: from the post to Braze's receipt, sorted. */
    static long[] endToEnd(List<BrazeUser> users, Map<String, Integer> indexById, long[] sentAtMicros) {
        List<Long> micros = new ArrayList<>();
        for (BrazeUser user : users) {
            for (BrazeCustomEvent event : user.events()) {
                Integer index = indexById.get(String.valueOf(event.properties().get(BrazeTally.EVENT_ID_PROPERTY)));
                if (index != null && sentAtMicros[index] > 0) {
                    Instant received = event.receivedAt();
                    micros.add(received.getEpochSecond() * 1_000_000 + received.getNano() / 1_000 - sentAtMicros[index]);
                }
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Polls until AIR's count reaches {@code count} and Braze's too; returns when each did ({@link System#nanoTime()}).
     * Fails when neither moved for {@link #STALL}.
     */
    private long[] awaitBoth(String name, int count, LongSupplier accepted, LongSupplier delivered, SandboxAirServer air,
                             SandboxBrazeServer braze, AirNotificationCounts airBefore, BrazeRequestCounts brazeBefore) {
        long acceptedAt = -1;
        long deliveredAt = -1;
        long lastSeen = -1;
        long lastProgress = System.nanoTime();
        while (acceptedAt < 0 || deliveredAt < 0) {
            long a = accepted.getAsLong();
            long d = delivered.getAsLong();
            long now = System.nanoTime();
            if (acceptedAt < 0 && a >= count) {
                acceptedAt = now;
            }
            if (deliveredAt < 0 && d >= count) {
                deliveredAt = now;
            }
            if (a + d != lastSeen) {
                lastSeen = a + d;
                lastProgress = now;
            } else if (now - lastProgress > STALL.toNanos()) {
                AirNotificationCounts airNow = air.notificationCounts();
                BrazeRequestCounts brazeNow = braze.requestCounts();
                throw new BenchmarkException(String.format(Locale.ROOT, "%s stalled: nothing moved for %d s; %,d of %,d events"
                                + " accepted, %,d at Braze; AIR: %,d failed posts, %,d abandoned; Braze: %,d requests refused"
                                + " (400/413/415), %,d unauthorized, %,d rate-limited, %,d failed; see the server's log above",
                        name, STALL.toSeconds(), a, count, d, airNow.failedAttempts() - airBefore.failedAttempts(),
                        airNow.abandoned() - airBefore.abandoned(), brazeNow.rejected() - brazeBefore.rejected(),
                        brazeNow.unauthorized() - brazeBefore.unauthorized(), brazeNow.rateLimited() - brazeBefore.rateLimited(),
                        brazeNow.failed() - brazeBefore.failed()));
            }
            if (acceptedAt < 0 || deliveredAt < 0) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        return new long[] {acceptedAt, deliveredAt};
    }

    private static Phase finish(String name, int count, double seconds, SandboxBrazeServer braze, BrazeRequestCounts brazeBefore,
                                SandboxAirServer air, AirNotificationCounts airBefore, Watch watch) {
        Watch.Used used = watch == null ? null : watch.stop();
        BrazeRequestCounts brazeNow = braze.requestCounts();
        AirNotificationCounts airNow = air.notificationCounts();
        BrazeRequestCounts brazeDelta = new BrazeRequestCounts(brazeNow.requests() - brazeBefore.requests(),
                brazeNow.succeeded() - brazeBefore.succeeded(), brazeNow.rejected() - brazeBefore.rejected(),
                brazeNow.unauthorized() - brazeBefore.unauthorized(), brazeNow.rateLimited() - brazeBefore.rateLimited(),
                brazeNow.failed() - brazeBefore.failed(), brazeNow.attributesProcessed() - brazeBefore.attributesProcessed(),
                brazeNow.eventsProcessed() - brazeBefore.eventsProcessed(), brazeNow.purchasesProcessed()
                - brazeBefore.purchasesProcessed(), brazeNow.objectErrors() - brazeBefore.objectErrors());
        AirNotificationCounts airDelta = new AirNotificationCounts(airNow.created() - airBefore.created(),
                airNow.delivered() - airBefore.delivered(), airNow.duplicatesDelivered() - airBefore.duplicatesDelivered(),
                airNow.failedAttempts() - airBefore.failedAttempts(), airNow.abandoned() - airBefore.abandoned(),
                airNow.withheld() - airBefore.withheld(), airNow.noConnector() - airBefore.noConnector(), airNow.pending());
        return new Phase(name, count, seconds, BrazeTally.of(braze), brazeDelta, airDelta,
                used == null ? null : used.cpu(), used == null ? Map.of() : used.threads(), used == null ? null : used.profile(),
                used == null ? null : used.postgres());
    }

    private static void requireExactlyOnce(Phase phase) {
        BrazeTally tally = phase.tally();
        if (!tally.exactlyOnce(phase.events())) {
            throw new BenchmarkException(String.format(Locale.ROOT, "%s: Braze received %,d events for %,d sent: %,d distinct,"
                            + " %,d duplicates, %,d missing, %,d without an ees_event_id", phase.name(), tally.received(),
                    phase.events(), tally.distinct(), tally.duplicates(), tally.missing(phase.events()), tally.withoutId()));
        }
    }

    private void describe(Phase phase, boolean postgres) {
        PhaseCpu.Use cpu = phase.cpu();
        BrazeTally tally = phase.tally();
        out.printf(Locale.ROOT, "  at Braze: %,d events for %,d users, %,d distinct ids, %,d duplicates, %,d missing; %,d requests"
                        + " (%.1f events each), %,d not 201; AIR: %,d failed posts%n", tally.received(), tally.users(),
                tally.distinct(), tally.duplicates(), tally.missing(phase.events()), phase.braze().requests(),
                (double) phase.braze().eventsProcessed() / Math.max(1, phase.braze().requests()),
                phase.braze().requests() - phase.braze().succeeded(), phase.air().failedAttempts());
        out.printf(Locale.ROOT, "  CPU over %.1f s: this JVM %.1f s%s, other processes %.1f s; machine %.2f of %.0f cores busy;"
                        + " %.2f ms per event (this JVM%s)%n", cpu.wall(), cpu.jvm(), postgres ? String.format(Locale.ROOT,
                        ", PostgreSQL %.1f s", cpu.postgres()) : "", phase.otherCpu(postgres), cpu.machine() / cpu.wall(),
                cpu.cores(), phase.cpuPerEventMillis(postgres), postgres ? " and PostgreSQL" : "");
        out.println("  this JVM by thread: " + ThreadCpu.describe(phase.threads()));
        out.println("  this JVM's Java code by part (JFR samples):");
        phase.profile().describe().forEach(line -> out.println("    " + line));
        if (phase.postgres() != null) {
            out.println("  PostgreSQL's backends for the database (pg_stat_activity samples):");
            phase.postgres().describe().forEach(line -> out.println("    " + line));
        }
    }

    private void report(List<StoreResult> results) {
        out.println();
        out.print(EventsResultTable.markdown(results, options));
        out.println();
        for (StoreResult result : results) {
            if (result.store() == Store.POSTGRES) {
                double delivered = result.throughput().deliveredPerSecond();
                out.printf(Locale.ROOT, "goal: at least %,d events/s delivered end to end on PostgreSQL: %,.0f/s, %s%n",
                        GOAL_PER_SECOND, delivered, delivered >= GOAL_PER_SECOND ? "met" : "NOT met");
            }
        }
    }

    /** The CPU watchers of one phase, started and stopped together; PostgreSQL's backends only for its database. */
    private record Watch(PhaseCpu cpu, ThreadCpu threads, CpuProfile profile, PgActivity postgres) {
        record Used(PhaseCpu.Use cpu, Map<String, Double> threads, CpuProfile.Profile profile, PgActivity.Activity postgres) {}

        static Watch start(BenchDatabase database, long mainThread) {
            return new Watch(PhaseCpu.start(database == null ? "" : database.name()), ThreadCpu.start(mainThread),
                    CpuProfile.start(), database == null ? null : PgActivity.start(database.jdbcUrl(), database.name()));
        }

        Used stop() {
            PgActivity.Activity activity = postgres == null ? null : postgres.stop();
            Map<String, Double> byThread = threads.stop();
            PhaseCpu.Use used = cpu.stop();
            return new Used(used, byThread, profile.stop(), activity);
        }
    }
}

package dev.cohort.bench;

import dev.cohort.runtime.store.MetadataStore;
import dev.cohort.runtime.store.MetadataStores;
import dev.cohort.sandbox.sftp.SandboxSftpServer;
import dev.cohort.sandbox.sftp.SftpUser;
import dev.cohort.sandbox.sftp.SshKeys;
import dev.cohort.server.auth.ApiTokens;
import dev.cohort.server.auth.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code cohort server} under load, on PostgreSQL, with real server processes started as an operator
 * would ({@link CohortCommand}, {@link ServerNode}) and the sandbox SFTP server in this JVM standing in
 * for the partners — on loopback, answering at once, or each SFTP request {@code --partner-latency-ms} later
 * as a partner across the internet would ({@code SftpFaults.latency}). In one run it measures:
 * <ol>
 *   <li>runs per second one node completes: N tiny runs (a few dozen rows each, as CSV over SFTP) spread
 *       over many orchestrations and destinations ({@link ServerBenchWorkspace}), requested through the
 *       API ({@link QueueThroughput});</li>
 *   <li>the same with two nodes — separate processes, each with its own copy of the workspace folder,
 *       sharing the queue in one fresh PostgreSQL database — and the ratio two / one;</li>
 *   <li>API latency (p50, p99, max) and requests per second of {@code GET /api/v1/runs?limit=50} and
 *       {@code GET /api/v1/runs/{id}} under many concurrent clients against the node of (1), after a
 *       warm-up ({@link ApiLatency}).</li>
 * </ol>
 * Each phase also reports the CPU its processes used ({@link CpuSample}), so a reader sees whether the
 * machine's cores were the limit. Every run must complete and every file arrive, or the benchmark fails.
 * Processes and databases are cleaned up on every path ({@link Leftovers} covers Ctrl-C).
 *
 * <p>Run by hand ({@code ./cohort-bench/run server}); see the module's README.
 */
public final class ServerBenchmark {
    static final String LIST = "GET /api/v1/runs?limit=50";
    static final String GET = "GET /api/v1/runs/{id}";
    static final double TARGET_RATIO = 1.7;
    private static final String ONE_NODE = "one-node";
    private static final String TWO_NODES = "two-nodes";

    private final ServerBenchmarkOptions options;
    private final PrintStream out;

    private ServerBenchmark(ServerBenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark and prints its results to {@code out}. */
    static void run(ServerBenchmarkOptions options, PrintStream out) {
        new ServerBenchmark(options, out).run();
    }

    private void run() {
        String postgres = BenchDatabase.serverVersion(options.postgresUrl());
        CohortCommand cohort = CohortCommand.locate(options.cohortClasspath());
        out.println(header(postgres, cohort));
        Path directory = options.directory().orElseGet(BenchFiles::newTemporaryDirectory);
        Path base = directory.resolve("server-bench");
        try {
            measure(base, cohort);
        } catch (IOException e) {
            throw new BenchmarkException("cannot write under " + base + ": " + e.getMessage(), e);
        } finally {
            if (options.keep()) {
                out.println("kept " + base + " (the nodes' output is in node-*.log next to their workspaces)");
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

    private String header(String postgres, CohortCommand cohort) {
        return String.format(Locale.ROOT, """
                Cohort server benchmark: %,d runs per phase (after %,d warm-up runs a node), %d rows each, as CSV over SFTP;
                  %d orchestrations on %d SFTP destinations; --workers %d and --per-destination %d on every node;
                  partner latency: %s;
                  %d API clients for %d s per request (after a %d s warm-up)
                %s  metadata store: %s on %s, a fresh database per phase
                  server processes: java %s -cp %s %s server --port 0 …
                  load average before the start: %s
                """, options.runs(), options.warmupRuns(), options.rowsPerRun(), options.orchestrations(),
                options.destinations(), options.workers(), options.perDestination(), partnerLatency(), options.clients(),
                options.latency().toSeconds(), options.latencyWarmup().toSeconds(), Environment.machineAndJvm(), postgres,
                BenchDatabase.masked(options.postgresUrl()), String.join(" ", CohortCommand.JVM_OPTIONS),
                cohort.description(), CohortCommand.MAIN_CLASS, Environment.loadAverage());
    }

    private String partnerLatency() {
        long millis = options.partnerLatency().toMillis();
        return millis == 0 ? "none (--partner-latency-ms 0: the SFTP server answers at once, on loopback)"
                : String.format(Locale.ROOT, "%d ms (--partner-latency-ms %d: the SFTP server answers each SFTP request"
                        + " %d ms after serving it; connecting and logging in cost no extra time)", millis, millis, millis);
    }

    private void measure(Path base, CohortCommand cohort) throws IOException {
        KeyPair key = SshKeys.generateEd25519();
        SandboxSftpServer.Builder sftpServer = SandboxSftpServer.builder().port(0).root(base.resolve("sftp"));
        for (int d = 1; d <= options.destinations(); d++) {
            sftpServer.user(SftpUser.named(ServerBenchWorkspace.sftpUser(d)).withAuthorizedKey(key.getPublic()));
        }
        try (SandboxSftpServer sftp = sftpServer.start()) {
            sftp.faults().latency(options.partnerLatency());
            QueueThroughput.Result one;
            List<ApiLatency.Result> latency;
            try (BenchDatabase database = BenchDatabase.create(options.postgresUrl())) {
                ServerBenchWorkspace a = workspace(base.resolve(ONE_NODE).resolve("node-a"), sftp, key, ONE_NODE);
                a.apply(database.jdbcUrl());
                try (ApiClient api = new ApiClient(token(database));
                     ServerNode node = start("a", cohort, a, database);
                     QueueThroughput queue = new QueueThroughput(List.of(node), api, database, options, out)) {
                    one = queue.measure("(1) one node");
                    latency = latency(node, database, api, one.runIds());
                    out.println("node a's output: " + node.problems());
                }
            }
            checkDelivered(sftp, ONE_NODE, 1);
            QueueThroughput.Result two;
            try (BenchDatabase database = BenchDatabase.create(options.postgresUrl())) {
                ServerBenchWorkspace a = workspace(base.resolve(TWO_NODES).resolve("node-a"), sftp, key, TWO_NODES);
                a.apply(database.jdbcUrl());
                ServerBenchWorkspace b = a.copyTo(base.resolve(TWO_NODES).resolve("node-b"));
                b.apply(database.jdbcUrl());
                try (ApiClient api = new ApiClient(token(database));
                     ServerNode nodeA = start("a", cohort, a, database);
                     ServerNode nodeB = start("b", cohort, b, database);
                     QueueThroughput queue = new QueueThroughput(List.of(nodeA, nodeB), api, database, options, out)) {
                    two = queue.measure("(2) two nodes");
                    out.println("node a's output: " + nodeA.problems() + "; node b's: " + nodeB.problems());
                }
            }
            checkDelivered(sftp, TWO_NODES, 2);
            report(one, two, latency);
        }
    }

    /** A workspace folder for {@code phase}, with the SSH key, applied by the caller. */
    private ServerBenchWorkspace workspace(Path folder, SandboxSftpServer sftp, KeyPair key, String phase) throws IOException {
        Files.createDirectories(folder);
        ServerBenchWorkspace workspace = new ServerBenchWorkspace(folder);
        SshKeys.writePrivateKey(workspace.privateKey(), key, "cohort-bench");
        for (int d = 1; d <= options.destinations(); d++) {
            Files.createDirectories(sftp.userFolder(ServerBenchWorkspace.sftpUser(d)).resolve(phase));
        }
        workspace.write(options.rowsPerRun(), options.orchestrations(), options.destinations(), sftp.port(),
                sftp.hostKeyFingerprint(), phase);
        return workspace;
    }

    private ServerNode start(String name, CohortCommand cohort, ServerBenchWorkspace workspace, BenchDatabase database) {
        ServerNode node = ServerNode.start(name, cohort, workspace.root(), database.jdbcUrl(), options.workers(),
                options.perDestination());
        out.println("node " + name + " (pid " + node.pid() + ") listens at " + node.url());
        return node;
    }

    /** An operator's API token, created in the metadata store as {@code cohort token create} does. */
    private static String token(BenchDatabase database) {
        try (MetadataStore store = MetadataStores.open(database.jdbcUrl())) {
            return new ApiTokens(store.access(), Clock.systemUTC()).create("cohort-bench", Role.OPERATOR).token();
        }
    }

    private List<ApiLatency.Result> latency(ServerNode node, BenchDatabase database, ApiClient api, List<Long> runIds) {
        URI list = URI.create(node.url() + "/api/v1/runs?limit=50");
        Supplier<URI> get = () -> URI.create(node.url() + "/api/v1/runs/"
                + runIds.get(ThreadLocalRandom.current().nextInt(runIds.size())));
        ApiLatency latency = new ApiLatency(node, database.name(), api, options.clients(), out);
        latency.warmUp(options.latencyWarmup(), List.of(() -> list, get));
        List<ApiLatency.Result> results = new ArrayList<>();
        results.add(latency.measure(LIST, options.latency(), () -> list));
        results.add(latency.measure(GET, options.latency(), get));
        return results;
    }

    /**
     * Every run of the phase left exactly one complete file in its destination's folder: as many
     * {@code .csv} files as runs, each with a header and every row, and no temporary file.
     */
    private void checkDelivered(SandboxSftpServer sftp, String phase, int nodes) throws IOException {
        int expected = options.warmupRuns() * nodes + options.runs();
        int files = 0;
        List<String> wrong = new ArrayList<>();
        for (int d = 1; d <= options.destinations(); d++) {
            Path folder = sftp.userFolder(ServerBenchWorkspace.sftpUser(d)).resolve(phase);
            try (Stream<Path> delivered = Files.list(folder)) {
                for (Path file : delivered.toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") || !name.endsWith(".csv")) {
                        wrong.add(folder.getFileName() + "/" + name + " (left behind)");
                        continue;
                    }
                    files++;
                    long lines;
                    try (Stream<String> content = Files.lines(file, StandardCharsets.UTF_8)) {
                        lines = content.count();
                    }
                    if (lines != options.rowsPerRun() + 1L) {
                        wrong.add(name + " (" + lines + " lines)");
                    }
                }
            }
        }
        if (files != expected || !wrong.isEmpty()) {
            throw new BenchmarkException(String.format(Locale.ROOT, "phase %s: the SFTP folders hold %,d run files for %,d"
                    + " runs%s", phase, files, expected, wrong.isEmpty() ? "" : "; wrong: " + String.join(", ",
                    wrong.subList(0, Math.min(5, wrong.size())))));
        }
        out.printf(Locale.ROOT, "phase %s: all %,d files delivered, %d rows each%n", phase, files, options.rowsPerRun());
    }

    private void report(QueueThroughput.Result one, QueueThroughput.Result two, List<ApiLatency.Result> latency) {
        out.println();
        out.print(ServerResultTable.throughput(List.of(one, two), options.workers()));
        out.println();
        double ratio = two.runsPerSecond() / one.runsPerSecond();
        out.printf(Locale.ROOT, "ratio two nodes / one node = %.1f / %.1f runs/s = %.2f (target: at least %.1f): %s;"
                        + " partner latency %d ms%n", two.runsPerSecond(), one.runsPerSecond(), ratio, TARGET_RATIO,
                ratio >= TARGET_RATIO ? "met" : "NOT met", options.partnerLatency().toMillis());
        out.println("share of the runs in (2): " + ServerResultTable.shares(two.runsByNode(), two.runs()));
        for (QueueThroughput.Result r : List.of(one, two)) {
            CpuSample.CpuUse cpu = r.cpu();
            double ours = cpu.nodesTotal() + cpu.bench() + (Double.isNaN(cpu.postgres()) ? 0 : cpu.postgres());
            double perRun = ours / r.runs();
            out.printf(Locale.ROOT, "CPU in %s over %.1f s: server nodes %s s, bench JVM %.1f s, PostgreSQL %s s, other"
                            + " processes %.1f s; the machine had %.0f core-seconds, %.0f%% busy%n", r.phase(), cpu.wall(),
                    ServerResultTable.nodes(cpu), cpu.bench(), ServerResultTable.seconds(cpu.postgres()), cpu.others(),
                    cpu.wall() * cpu.cores(), 100 * cpu.machine() / (cpu.wall() * cpu.cores()));
            out.printf(Locale.ROOT, "  all of it per run (nodes, SFTP server and clients, PostgreSQL): %.0f ms; %.0f cores doing"
                    + " nothing else could complete at most %.1f runs/s this way%n", 1000 * perRun, cpu.cores(), cpu.cores() / perRun);
        }
        out.println();
        out.print(ServerResultTable.latency(latency));
    }
}

package dev.cohort.bench;

import dev.cohort.model.Run;
import dev.cohort.model.RunRejection;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.run.RunListener;
import dev.cohort.runtime.workspace.ApplyListener;
import dev.cohort.runtime.workspace.ApplyResult;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.runtime.workspace.WorkspaceService;
import dev.cohort.sandbox.data.GeneratedFile;
import dev.cohort.sandbox.data.SyntheticCustomers;
import dev.cohort.sandbox.sftp.SandboxSftpServer;
import dev.cohort.sandbox.sftp.SftpUser;
import dev.cohort.sandbox.sftp.SshKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Delivering an audience: Cohort's whole orchestration run against the two tools that each do one half
 * of it alone. Generates N synthetic customers into a real workspace folder ({@link BenchWorkspace}) and
 * applies it as a user would, with a sandbox SFTP server in this JVM as the partner. Then it measures,
 * in the same process:
 * <ol>
 *   <li>(a) DuckDB alone: {@code COPY (SELECT …) TO 'a.csv'} of one statement giving the same rows;</li>
 *   <li>(b) OpenSSH's {@code sftp} putting that file to the same server;</li>
 *   <li>(c) {@link WorkspaceService#run} of the orchestration: query, template, CSV, SFTP.</li>
 * </ol>
 * It prints a Markdown table, the ratio c / max(a, b), whether (a)'s file and the file (c) delivered are
 * identical, and where each phase's CPU went, by thread.
 *
 * <p>Run by hand ({@code ./cohort-bench/run orchestration --rows 1000000}); see the module's README.
 */
public final class OrchestrationBenchmark {
    private static final String DUCKDB_MEMORY_LIMIT_PROPERTY = "cohort.duckdb.memoryLimit";
    private static final String DUCKDB_THREADS_PROPERTY = "cohort.duckdb.threads";
    private static final double MIB = 1024.0 * 1024.0;

    private final BenchmarkOptions options;
    private final PrintStream out;
    private final long mainThread = ThreadCpu.currentThreadId();
    private final Map<String, String> cpuByPhase = new LinkedHashMap<>();

    private OrchestrationBenchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark and prints its results to {@code out}. */
    static void run(BenchmarkOptions options, PrintStream out) {
        new OrchestrationBenchmark(options, out).run();
    }

    private void run() {
        Path directory = options.directory().orElseGet(BenchFiles::newTemporaryDirectory);
        Path base = directory.resolve("orchestration-bench");
        out.println(Environment.describe("Cohort orchestration benchmark", options));
        try {
            measure(base);
        } catch (IOException e) {
            throw new BenchmarkException("cannot write under " + base + ": " + e.getMessage(), e);
        } finally {
            if (options.keep()) {
                out.println("kept " + base);
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

    private void measure(Path base) throws IOException {
        BenchWorkspace workspace = new BenchWorkspace(Files.createDirectories(base.resolve("workspace")));
        PhaseResult generation = generate(workspace);
        KeyPair key = SshKeys.generateEd25519();
        SshKeys.writePrivateKey(workspace.privateKey(), key, "cohort-bench");
        try (SandboxSftpServer server = SandboxSftpServer.builder().port(0).root(base.resolve("sftp"))
                .user(SftpUser.named(BenchWorkspace.SFTP_USER).withAuthorizedKey(key.getPublic())).start()) {
            workspace.writeDefinition(server.port(), server.hostKeyFingerprint());
            PhaseResult apply = apply(workspace.home(), generation);
            Path copied = base.resolve("a.csv");
            PhaseResult a = copyWithDuckDb(workspace.home().databaseFile(), copied, generation.rows());
            Path uploaded = server.userFolder(BenchWorkspace.SFTP_USER).resolve("b.csv");
            PhaseResult b = putWithOpenSsh(copied, server.port(), workspace.privateKey(), base, a);
            Path delivered = server.userFolder(BenchWorkspace.SFTP_USER).resolve(BenchWorkspace.DELIVERED_FILE);
            PhaseResult c = runOrchestration(workspace.home(), delivered, generation.rows(), COLD);
            PhaseResult warm = runOrchestration(workspace.home(), delivered, generation.rows(), WARM);
            List<Round> rounds = new ArrayList<>(List.of(new Round(a.seconds(), b.seconds(), warm.seconds())));
            for (int round = 2; round <= options.rounds(); round++) {
                String suffix = " (round " + round + ")";
                double aSeconds = copyWithDuckDb(workspace.home().databaseFile(), copied, generation.rows(), suffix).seconds();
                double bSeconds = putWithOpenSsh(copied, server.port(), workspace.privateKey(), base, a, suffix).seconds();
                double cSeconds = runOrchestration(workspace.home(), delivered, generation.rows(), WARM + suffix).seconds();
                rounds.add(new Round(aSeconds, bSeconds, cSeconds));
            }
            report(List.of(generation, apply, a, b, c, warm), copied, uploaded, delivered);
            if (rounds.size() > 1) {
                reportRounds(rounds);
            }
        }
    }

    private PhaseResult generate(BenchWorkspace workspace) {
        SyntheticCustomers generator = SyntheticCustomers.builder()
                .customers(options.rows()).seed(options.seed()).withoutOrders().build();
        Measured<GeneratedFile> generated = phase(() -> generator.writeTo(workspace.dataFolder()).customers());
        return done(generated, "generate customers.csv", generated.value().rows(), generated.value().bytes());
    }

    /** Applies the workspace: loads the customers into DuckDB, activates the query, checks the SFTP connection. */
    private PhaseResult apply(WorkspaceHome home, PhaseResult generation) {
        LoadedWorkspace files = WorkspaceReader.read(home.root());
        Measured<ApplyResult> applied = phase(() -> {
            try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
                return service.apply(service.plan(files), ApplyListener.SILENT);
            }
        });
        if (applied.value().hasProblems()) {
            throw new BenchmarkException("the benchmark's workspace did not apply: " + applied.value().problems().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")));
        }
        return done(applied, "apply: load customers.csv, check SFTP", generation.rows(), generation.bytes());
    }

    /** (a): the engine writes the file itself, with the engine's memory limit and threads. */
    private PhaseResult copyWithDuckDb(Path databaseFile, Path target, long rows) {
        return copyWithDuckDb(databaseFile, target, rows, "");
    }

    private PhaseResult copyWithDuckDb(Path databaseFile, Path target, long rows, String suffix) {
        Properties settings = new Properties();
        settings.setProperty("memory_limit", System.getProperty(DUCKDB_MEMORY_LIMIT_PROPERTY, "50%"));
        String threads = System.getProperty(DUCKDB_THREADS_PROPERTY, "").strip();
        if (!threads.isEmpty()) {
            settings.setProperty("threads", threads);
        }
        String sql = BenchWorkspace.COPY_SQL.formatted(target.toString().replace("'", "''"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile, settings);
             Statement statement = connection.createStatement()) {
            Measured<Boolean> copied = phase(() -> statement.execute(sql));
            return done(copied, "(a) DuckDB COPY to a.csv" + suffix, rows, Files.size(target));
        } catch (SQLException | IOException e) {
            throw new BenchmarkException("(a) DuckDB's COPY failed: " + e.getMessage(), e);
        }
    }

    /** (b): OpenSSH's client uploads (a)'s file; this JVM's memory in the phase is the server's. */
    private PhaseResult putWithOpenSsh(Path file, int port, Path privateKey, Path base, PhaseResult copy) {
        return putWithOpenSsh(file, port, privateKey, base, copy, "");
    }

    private PhaseResult putWithOpenSsh(Path file, int port, Path privateKey, Path base, PhaseResult copy, String suffix) {
        Measured<OpenSshPut.Result> put = phase(() -> OpenSshPut.put(file, "/b.csv", BenchWorkspace.SFTP_USER, port,
                privateKey, base));
        OpenSshPut.Result client = put.value();
        out.printf(Locale.ROOT, "(b) ran: %s%n    its processes (sftp, ssh): %.1f s CPU, peak RSS %,.0f MiB, cipher %s%n",
                String.join(" ", client.command()), client.cpuSeconds(), client.peakResidentBytes() / MIB, client.cipher());
        return done(put, "(b) OpenSSH sftp put a.csv" + suffix, copy.rows(), copy.bytes());
    }

    private static final String COLD = "(c) Cohort run: query, template, CSV, SFTP";
    private static final String WARM = "(c) the same run again, JIT warm (as in a long-running server)";

    /** (c): the orchestration's run, timed from the call to the finished run. */
    private PhaseResult runOrchestration(WorkspaceHome home, Path delivered, long rows, String phase) {
        try (WorkspaceService service = WorkspaceService.open(home, Map.of())) {
            Measured<Run> measured = phase(() -> service.run(BenchWorkspace.ORCHESTRATION, null, RunListener.SILENT));
            Run run = measured.value();
            if (run.status() != RunStatus.COMPLETED || run.counts().rowsSent() != rows) {
                throw new BenchmarkException("(c) run " + run.id() + " of " + BenchWorkspace.ORCHESTRATION + " ended "
                        + run.status().label() + " after " + run.attempts() + " attempt(s), " + run.counts().rowsSent() + " of "
                        + rows + " rows sent" + (run.errorCode() == null ? "" : ": [" + run.errorCode() + "] " + run.errorMessage())
                        + rejections(run));
            }
            return done(measured, phase, run.counts().rowsSent(), Files.size(delivered));
        } catch (IOException e) {
            throw new BenchmarkException("(c) delivered no file " + delivered + ": " + e.getMessage(), e);
        }
    }

    private static String rejections(Run run) {
        return run.rejections().isEmpty() ? "" : "; rejected " + run.counts().rowsRejected() + " rows, first: "
                + run.rejections().stream().limit(3).map(RunRejection::toString).collect(Collectors.joining("; "));
    }

    private void report(List<PhaseResult> results, Path copied, Path uploaded, Path delivered) throws IOException {
        PhaseResult a = results.get(2);
        PhaseResult b = results.get(3);
        PhaseResult c = results.get(4);
        out.println();
        out.print(ResultTable.markdown(results));
        out.println();
        PhaseResult warm = results.get(5);
        double slowest = Math.max(a.seconds(), b.seconds());
        out.printf(Locale.ROOT, "ratio c / max(a, b) = %.1f / %.1f = %.2f (target: at most 1.2)%n", c.seconds(), slowest,
                c.seconds() / slowest);
        out.printf(Locale.ROOT, "ratio with the JIT warm = %.1f / %.1f = %.2f%n", warm.seconds(), slowest, warm.seconds() / slowest);
        out.printf(Locale.ROOT, "heap in (c): max heap %,.0f MiB (target: at most 256 MB), peak used %,.0f MiB, peak after GC %,.0f MiB%n",
                Runtime.getRuntime().maxMemory() / MIB, c.memory().heapUsedBytes() / MIB, c.memory().heapAfterGcBytes() / MIB);
        out.println("(a)'s a.csv and the file (c) delivered: " + FileComparison.compare(copied, delivered).description());
        out.println("(b)'s upload: " + (Files.size(uploaded) == Files.size(copied) ? "complete, " : "INCOMPLETE, ")
                + Files.size(uploaded) + " of " + Files.size(copied) + " bytes");
        out.println();
        out.println("CPU by thread (this JVM; in (b) and (c) it includes the SFTP server):");
        cpuByPhase.forEach((phase, cpu) -> out.println("  " + phase + ": " + cpu));
    }

    /** One round's seconds: (a), (b) and (c) with the JIT warm. */
    private record Round(double a, double b, double c) {
        double ratio() {
            return c / Math.max(a, b);
        }
    }

    /** Each round's ratio, and the ratio of the medians: what a noisy, shared machine can tell. */
    private void reportRounds(List<Round> rounds) {
        out.println();
        out.println("| round | (a) s | (b) s | (c) warm s | c / max(a, b) |");
        out.println("|---:|---:|---:|---:|---:|");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.2f |%n", i + 1, round.a(), round.b(), round.c(), round.ratio());
        }
        double a = median(rounds.stream().mapToDouble(Round::a).toArray());
        double b = median(rounds.stream().mapToDouble(Round::b).toArray());
        double c = median(rounds.stream().mapToDouble(Round::c).toArray());
        out.printf(Locale.ROOT, "| median | %.1f | %.1f | %.1f | %.2f |%n", a, b, c, c / Math.max(a, b));
        out.printf(Locale.ROOT, "ratio of the medians over %d rounds: c / max(a, b) = %.1f / %.1f = %.2f (target: at most 1.2);"
                + " median of the rounds' ratios %.2f%n", rounds.size(), c, Math.max(a, b), c / Math.max(a, b),
                median(rounds.stream().mapToDouble(Round::ratio).toArray()));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private <T> Measured<T> phase(Step<T> step) {
        ThreadCpu cpu = ThreadCpu.start(mainThread);
        MemoryWatch watch = MemoryWatch.start();
        long start = System.nanoTime();
        T value;
        try {
            value = step.run();
        } catch (RuntimeException e) {
            watch.stop();
            cpu.stop();
            throw e;
        } catch (Exception e) {
            watch.stop();
            cpu.stop();
            throw new BenchmarkException(e.getMessage(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        MemoryPeaks memory = watch.stop();
        return new Measured<>(value, elapsed, memory, cpu.stop());
    }

    private PhaseResult done(Measured<?> measured, String phase, long rows, long bytes) {
        PhaseResult result = new PhaseResult(phase, rows, bytes, measured.elapsed(), measured.memory());
        cpuByPhase.put(phase, ThreadCpu.describe(measured.cpu()));
        out.printf(Locale.ROOT, "%s: %,d rows in %.1f s%n", phase, rows, result.seconds());
        return result;
    }

    /** A measured step, which may throw. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private record Measured<T>(T value, Duration elapsed, MemoryPeaks memory, Map<String, Double> cpu) {}
}

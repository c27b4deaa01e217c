package dev.cohort.bench;

import dev.cohort.model.ColumnDefinition;
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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A query's result exported to a database table: Cohort's {@code warehouse-table} destination against
 * PostgreSQL's own {@code psql \copy} of the same rows. Generates N synthetic customers into a real
 * workspace folder ({@link WarehouseBenchWorkspace}), creates a fresh PostgreSQL database
 * ({@link BenchDatabase}) and applies the workspace as a user would. Then, in the same process:
 * <ol>
 *   <li>DuckDB writes the query's rows to a CSV file ({@code COPY (SELECT …) TO … (HEADER)}) — the input of
 *       (a), timed for reference only;</li>
 *   <li>(b) {@link WorkspaceService#run} of the orchestration: the query on DuckDB, then {@code COPY FROM STDIN}
 *       into a staging table swapped in as {@value WarehouseBenchWorkspace#QUERY};</li>
 *   <li>(a) {@code psql -c "\copy psql_customers FROM 'export.csv' WITH (FORMAT csv, HEADER true)"} into a
 *       table made {@code LIKE} the one (b) created: the same columns with the same types;</li>
 *   <li>(b) again, with the JIT warm, replacing the table it wrote.</li>
 * </ol>
 * A {@code CHECKPOINT} before each timed load keeps one's WAL from being flushed in the next one's time.
 * It prints a Markdown table, the ratio b / a, both tables' row counts (which must be equal) and, column by
 * column, how many rows differ between them, and where each phase's CPU went.
 *
 * <p>Run by hand ({@code ./cohort-bench/run warehouse --rows 1000000}); see the module's README.
 */
public final class WarehouseBenchmark {
    static final String BASELINE_TABLE = "psql_customers";
    private static final String DUCKDB_MEMORY_LIMIT_PROPERTY = "cohort.duckdb.memoryLimit";
    private static final String DUCKDB_THREADS_PROPERTY = "cohort.duckdb.threads";
    private static final double MIB = 1024.0 * 1024.0;
    private static final String EXPORT = "DuckDB COPY to export.csv (the input of (a); reference)";
    private static final String PSQL = "(a) psql \\copy export.csv";
    private static final String COLD = "(b) Cohort run: query, warehouse-table (replace)";
    private static final String WARM = "(b) the same run again, JIT warm, replacing its table";

    private final WarehouseBenchmarkOptions options;
    private final PrintStream out;
    private final long mainThread = ThreadCpu.currentThreadId();
    private final Map<String, Measured<?>> measuredByPhase = new LinkedHashMap<>();

    private WarehouseBenchmark(WarehouseBenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark and prints its results to {@code out}. */
    static void run(WarehouseBenchmarkOptions options, PrintStream out) {
        new WarehouseBenchmark(options, out).run();
    }

    private void run() {
        String postgres = BenchDatabase.serverVersion(options.postgresUrl());
        out.println(header(postgres));
        Path directory = options.directory().orElseGet(BenchFiles::newTemporaryDirectory);
        Path base = directory.resolve("warehouse-bench");
        try {
            measure(base);
        } catch (IOException e) {
            throw new BenchmarkException("cannot write under " + base + ": " + e.getMessage(), e);
        } finally {
            if (options.keep()) {
                out.println("kept " + base + " (the database is dropped all the same)");
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

    private String header(String postgres) {
        return String.format(Locale.ROOT, """
                Cohort warehouse-table benchmark: %,d customers (seed %d), %d columns, exported to PostgreSQL
                  query: %s
                  (b) Cohort's run, replace mode; (a) psql \\copy of DuckDB's CSV of that query into a table LIKE (b)'s
                %s  DuckDB memory_limit: %s
                  database: %s on %s, a fresh database created and dropped
                  load average before the start: %s
                """, options.rows(), options.seed(), CustomerTable.COLUMNS.size(), WarehouseBenchWorkspace.SELECT_SQL,
                Environment.machineAndJvm(),
                System.getProperty(DUCKDB_MEMORY_LIMIT_PROPERTY, "engine default"), postgres,
                BenchDatabase.masked(options.postgresUrl()), Environment.loadAverage());
    }

    private void measure(Path base) throws IOException {
        WarehouseBenchWorkspace workspace = new WarehouseBenchWorkspace(Files.createDirectories(base.resolve("workspace")));
        PhaseResult generation = generate(workspace);
        try (BenchDatabase database = BenchDatabase.create(options.postgresUrl())) {
            PostgresLogin login = PostgresLogin.of(database.jdbcUrl());
            out.println("database: " + login);
            workspace.writeDefinition(login);
            Map<String, String> environment = WarehouseBenchWorkspace.environment(login);
            PhaseResult apply = apply(workspace.home(), environment, database, generation);
            Path csv = base.resolve("export.csv");
            PhaseResult export = exportWithDuckDb(workspace.home().databaseFile(), csv, database, generation.rows());
            checkpoint(database);
            PhaseResult cold = runOrchestration(workspace.home(), environment, database, export, COLD);
            String columns = createBaselineTable(database);
            out.println("Cohort's table, and psql's made LIKE it: " + columns);
            checkpoint(database);
            PhaseResult psql = copyWithPsql(login, csv, base.resolve("psql.log"), database, export);
            checkpoint(database);
            PhaseResult warm = runOrchestration(workspace.home(), environment, database, export, WARM);
            report(List.of(generation, apply, export, cold, psql, warm), database);
        }
    }

    private PhaseResult generate(WarehouseBenchWorkspace workspace) {
        SyntheticCustomers generator = SyntheticCustomers.builder()
                .customers(options.rows()).seed(options.seed()).withoutOrders().build();
        Measured<GeneratedFile> generated = phase(null, () -> generator.writeTo(workspace.dataFolder()).customers());
        return done(generated, "generate customers.csv", generated.value().rows(), generated.value().bytes());
    }

    /** Applies the workspace: loads the customers into DuckDB, activates the query, checks the database connection. */
    private PhaseResult apply(WorkspaceHome home, Map<String, String> environment, BenchDatabase database,
                              PhaseResult generation) {
        LoadedWorkspace files = WorkspaceReader.read(home.root());
        Measured<ApplyResult> applied = phase(database, () -> {
            try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), environment)) {
                return service.apply(service.plan(files), ApplyListener.SILENT);
            }
        });
        if (applied.value().hasProblems()) {
            throw new BenchmarkException("the benchmark's workspace did not apply: " + applied.value().problems().stream()
                    .map(Object::toString).collect(Collectors.joining("; ")));
        }
        return done(applied, "apply: load customers.csv, check the database", generation.rows(), generation.bytes());
    }

    /** DuckDB alone writes the query's rows to a CSV with a header: the file (a) loads. */
    private PhaseResult exportWithDuckDb(Path databaseFile, Path target, BenchDatabase database, long rows) {
        Properties settings = new Properties();
        settings.setProperty("memory_limit", System.getProperty(DUCKDB_MEMORY_LIMIT_PROPERTY, "50%"));
        String threads = System.getProperty(DUCKDB_THREADS_PROPERTY, "").strip();
        if (!threads.isEmpty()) {
            settings.setProperty("threads", threads);
        }
        String sql = "COPY (" + WarehouseBenchWorkspace.SELECT_SQL + ") TO '" + target.toString().replace("'", "''") + "' (HEADER)";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + databaseFile, settings);
             Statement statement = connection.createStatement()) {
            Measured<Boolean> copied = phase(database, () -> statement.execute(sql));
            return done(copied, EXPORT, rows, Files.size(target));
        } catch (SQLException | IOException e) {
            throw new BenchmarkException("DuckDB's COPY of the query to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The baseline's table, made {@code LIKE} the one Cohort's first run created: the same columns with the same
     * types, whichever the destination chose, so that both loads parse the same values into the same types.
     * Returns the columns and their types, {@code customer_id text, …}.
     */
    private static String createBaselineTable(BenchDatabase database) {
        execute(database, "CREATE TABLE " + BASELINE_TABLE + " (LIKE \"" + WarehouseBenchWorkspace.QUERY + "\")");
        String sql = "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)"
                + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '" + BASELINE_TABLE + "'";
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new BenchmarkException("cannot read the columns of " + BASELINE_TABLE + ": " + e.getMessage(), e);
        }
    }

    /** Writes dirty pages out now, so that one load's WAL and pages are not flushed during the next one. */
    private static void checkpoint(BenchDatabase database) {
        execute(database, "CHECKPOINT");
    }

    /** (a): PostgreSQL's client loads DuckDB's CSV. */
    private PhaseResult copyWithPsql(PostgresLogin login, Path csv, Path log, BenchDatabase database, PhaseResult export) {
        Measured<PsqlCopy.Result> copied = phase(database, () -> PsqlCopy.copy(login, BASELINE_TABLE, csv, log));
        PsqlCopy.Result result = copied.value();
        out.println("(a) ran: " + String.join(" ", result.command().stream().map(WarehouseBenchmark::shellWord).toList()));
        if (result.rows() != export.rows()) {
            throw new BenchmarkException("(a) psql copied " + result.rows() + " rows, not " + export.rows());
        }
        return done(copied, PSQL, result.rows(), export.bytes());
    }

    /** (b): the orchestration's run, timed from the call to the finished run. */
    private PhaseResult runOrchestration(WorkspaceHome home, Map<String, String> environment, BenchDatabase database,
                                         PhaseResult export, String phase) {
        try (WorkspaceService service = WorkspaceService.open(home, environment)) {
            Measured<Run> measured = phase(database, () -> service.run(WarehouseBenchWorkspace.ORCHESTRATION, null,
                    RunListener.SILENT));
            Run run = measured.value();
            if (run.status() != RunStatus.COMPLETED || run.counts().rowsSent() != export.rows()) {
                throw new BenchmarkException("(b) run " + run.id() + " of " + WarehouseBenchWorkspace.ORCHESTRATION + " ended "
                        + run.status().label() + " after " + run.attempts() + " attempt(s), " + run.counts().rowsSent() + " of "
                        + export.rows() + " rows sent" + (run.errorCode() == null ? "" : ": [" + run.errorCode() + "] "
                        + run.errorMessage()) + rejections(run));
            }
            return done(measured, phase, run.counts().rowsSent(), export.bytes());
        }
    }

    private static String rejections(Run run) {
        return run.rejections().isEmpty() ? "" : "; rejected " + run.counts().rowsRejected() + " rows, first: "
                + run.rejections().stream().limit(3).map(RunRejection::toString).collect(Collectors.joining("; "));
    }

    private void report(List<PhaseResult> results, BenchDatabase database) {
        PhaseResult export = results.get(2);
        PhaseResult cold = results.get(3);
        PhaseResult psql = results.get(4);
        PhaseResult warm = results.get(5);
        out.println();
        out.print(ResultTable.markdown(results));
        out.println();
        out.printf(Locale.ROOT, "ratio b / a = Cohort / psql \\copy = %.1f / %.1f = %.2f%n", cold.seconds(), psql.seconds(),
                cold.seconds() / psql.seconds());
        out.printf(Locale.ROOT, "ratio with the JIT warm = %.1f / %.1f = %.2f%n", warm.seconds(), psql.seconds(),
                warm.seconds() / psql.seconds());
        double twoTools = export.seconds() + psql.seconds();
        out.printf(Locale.ROOT, "for reference, Cohort / (DuckDB COPY + psql \\copy), both tools' time from the query to the"
                + " table = %.1f / %.1f = %.2f (warm: %.2f)%n", cold.seconds(), twoTools, cold.seconds() / twoTools,
                warm.seconds() / twoTools);
        out.printf(Locale.ROOT, "heap in (b): max heap %,.0f MiB, peak used %,.0f MiB, peak after GC %,.0f MiB%n",
                Runtime.getRuntime().maxMemory() / MIB, cold.memory().heapUsedBytes() / MIB, cold.memory().heapAfterGcBytes() / MIB);
        long cohortRows = count(database, "\"" + WarehouseBenchWorkspace.QUERY + "\"");
        long psqlRows = count(database, BASELINE_TABLE);
        out.printf(Locale.ROOT, "rows: Cohort's table %s %,d, psql's table %s %,d: %s%n", WarehouseBenchWorkspace.QUERY,
                cohortRows, BASELINE_TABLE, psqlRows, cohortRows == psqlRows ? "the same" : "DIFFERENT");
        out.println("values, row by row (joined on customer_id): " + differences(database));
        out.println();
        out.println("CPU (PostgreSQL: the benchmark database's processes and the server's shared ones), and this JVM's by thread:");
        measuredByPhase.forEach((phase, measured) -> out.println("  " + phase + ": " + measured.cpu().describe()
                + "\n    " + ThreadCpu.describe(measured.threads())));
        if (cohortRows != psqlRows || cohortRows != export.rows()) {
            throw new BenchmarkException("the tables differ: Cohort's has " + cohortRows + " rows, psql's " + psqlRows + ", the"
                    + " query gave " + export.rows());
        }
    }

    /**
     * How many rows of Cohort's table differ from psql's in each column, never showing a value: "identical"
     * when none does.
     */
    private static String differences(BenchDatabase database) {
        List<String> columns = CustomerTable.COLUMNS.stream().map(ColumnDefinition::name).toList();
        String counts = columns.stream().map(c -> "count(*) FILTER (WHERE c.\"" + c + "\"::text IS DISTINCT FROM p.\"" + c + "\"::text)")
                .collect(Collectors.joining(", "));
        String sql = "SELECT count(*), count(p.customer_id), " + counts + " FROM \"" + WarehouseBenchWorkspace.QUERY
                + "\" c LEFT JOIN " + BASELINE_TABLE + " p USING (customer_id)";
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            long rows = result.getLong(1);
            long matched = result.getLong(2);
            List<String> differing = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                long differ = result.getLong(3 + i);
                if (differ > 0) {
                    differing.add(String.format(Locale.ROOT, "%s in %,d rows", columns.get(i), differ));
                }
            }
            String unmatched = matched == rows ? "" : String.format(Locale.ROOT, "%,d of Cohort's rows have no customer_id"
                    + " in psql's table; ", rows - matched);
            return differing.isEmpty() && unmatched.isEmpty() ? "identical in every column"
                    : unmatched + "differing: " + String.join(", ", differing);
        } catch (SQLException e) {
            throw new BenchmarkException("cannot compare the two tables: " + e.getMessage(), e);
        }
    }

    private static long count(BenchDatabase database, String table) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new BenchmarkException("cannot count the rows of " + table + ": " + e.getMessage(), e);
        }
    }

    private static void execute(BenchDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BenchmarkException("PostgreSQL refused `" + sql + "` in " + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** A word of a command line as a shell would need it: bare, in double quotes, or else in single quotes. */
    static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_./=:@%+-]+")) {
            return word;
        }
        if (!word.matches("(?s).*([\"$`!]|\\\\[\"$`\\\\\n]|\\\\$).*")) {
            return "\"" + word + "\"";
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private <T> Measured<T> phase(BenchDatabase database, Step<T> step) {
        MemoryWatch watch = MemoryWatch.start();
        PhaseCpu cpu = PhaseCpu.start(database == null ? "" : database.name());
        ThreadCpu threads = ThreadCpu.start(mainThread);
        long start = System.nanoTime();
        T value;
        try {
            value = step.run();
        } catch (RuntimeException e) {
            threads.stop();
            cpu.stop();
            watch.stop();
            throw e;
        } catch (Exception e) {
            threads.stop();
            cpu.stop();
            watch.stop();
            throw new BenchmarkException(e.getMessage(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Double> byThread = threads.stop();
        PhaseCpu.Use used = cpu.stop();
        MemoryPeaks memory = watch.stop();
        return new Measured<>(value, elapsed, memory, used, byThread);
    }

    private PhaseResult done(Measured<?> measured, String phase, long rows, long bytes) {
        PhaseResult result = new PhaseResult(phase, rows, bytes, measured.elapsed(), measured.memory());
        measuredByPhase.put(phase, measured);
        out.printf(Locale.ROOT, "%s: %,d rows in %.1f s%n", phase, rows, result.seconds());
        return result;
    }

    /** A measured step, which may throw. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private record Measured<T>(T value, Duration elapsed, MemoryPeaks memory, PhaseCpu.Use cpu, Map<String, Double> threads) {}
}

package dev.cohort.bench;

import dev.cohort.engine.Engine;
import dev.cohort.engine.LoadRequest;
import dev.cohort.engine.LoadResult;
import dev.cohort.engine.duckdb.DuckDbEngine;
import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import dev.cohort.sandbox.data.GeneratedData;
import dev.cohort.sandbox.data.GeneratedFile;
import dev.cohort.sandbox.data.SyntheticCustomers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loading a table: generates N synthetic customers into {@code customers.csv}, then loads the file into
 * a DuckDB engine through {@link Engine#load}, and prints time, throughput and peak memory (JVM heap
 * and process RSS) of each phase as a Markdown table. Run it at 1 million and 10 million rows with the
 * same small heap to see that neither phase's heap grows with the number of rows.
 *
 * <p>Run by hand ({@code ./cohort-bench/run load --rows 1000000}); see the module's README.
 */
public final class LoadBenchmark {
    private static final String DATABASE_FILE = "bench.duckdb";

    private final BenchmarkOptions options;
    private final PrintStream out;

    private LoadBenchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the benchmark and prints its results to {@code out}. */
    static void run(BenchmarkOptions options, PrintStream out) {
        new LoadBenchmark(options, out).run();
    }

    private void run() {
        Path directory = options.directory().orElseGet(BenchFiles::newTemporaryDirectory);
        out.println(Environment.describe("Cohort load benchmark", options));
        try {
            PhaseResult generation = generate(directory);
            out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", generation.rows(), generation.seconds());
            PhaseResult load = load(directory.resolve(SyntheticCustomers.CUSTOMERS_FILE), generation,
                    directory.resolve(DATABASE_FILE));
            out.printf(Locale.ROOT, "loaded %,d rows in %.1f s%n%n", load.rows(), load.seconds());
            out.print(ResultTable.markdown(List.of(generation, load)));
        } finally {
            if (options.keep()) {
                out.println("kept " + directory);
            } else {
                deleteGeneratedFiles(directory);
            }
        }
    }

    private PhaseResult generate(Path directory) {
        SyntheticCustomers generator = SyntheticCustomers.builder()
                .customers(options.rows()).seed(options.seed()).withoutOrders().build();
        MemoryWatch watch = MemoryWatch.start();
        long start = System.nanoTime();
        GeneratedData data = generator.writeTo(directory);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        MemoryPeaks memory = watch.stop();
        GeneratedFile customers = data.customers();
        return new PhaseResult("generate " + customers.name(), customers.rows(), customers.bytes(), elapsed, memory);
    }

    private PhaseResult load(Path customersFile, PhaseResult generation, Path databaseFile) {
        LoadRequest request = new LoadRequest(CustomerTable.NAME, customersFile, FileFormat.CSV, CsvOptions.DEFAULT,
                CustomerTable.COLUMNS, BadRowPolicy.FAIL);
        LoadResult result;
        Duration elapsed;
        MemoryPeaks memory;
        // opened first: DuckDB's native library loads on first use, once per JVM, not once per load
        try (Engine engine = DuckDbEngine.open(databaseFile)) {
            MemoryWatch watch = MemoryWatch.start();
            long start = System.nanoTime();
            result = engine.load(request);
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            memory = watch.stop();
        }
        if (result.rowsLoaded() != generation.rows()) {
            throw new BenchmarkException("loaded " + result.rowsLoaded() + " rows of " + generation.rows()
                    + " (skipped " + result.rowsSkipped() + "): the benchmark's numbers would be wrong");
        }
        return new PhaseResult("load into DuckDB", result.rowsLoaded(), generation.bytes(), elapsed, memory);
    }

    /** Deletes what this benchmark wrote (the CSV file, the database and its companions) and the directory if empty. */
    private void deleteGeneratedFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(LoadBenchmark::isGenerated).sorted(Comparator.reverseOrder()).toList()) {
                BenchFiles.deleteRecursively(file);
            }
            BenchFiles.deleteIfEmpty(directory);
        } catch (IOException e) {
            out.println("could not delete the benchmark's files in " + directory + ": " + e.getMessage());
        }
    }

    private static boolean isGenerated(Path file) {
        String name = file.getFileName().toString();
        return name.equals(SyntheticCustomers.CUSTOMERS_FILE) || name.startsWith(DATABASE_FILE);
    }
}

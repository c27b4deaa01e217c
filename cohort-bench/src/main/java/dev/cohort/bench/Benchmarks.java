package dev.cohort.bench;

import dev.cohort.spi.CohortException;
import java.util.List;
import java.util.Locale;

/**
 * The entry point of {@code cohort-bench.jar}: the first argument names the benchmark ({@code load},
 * the default, {@code orchestration}, {@code server}, {@code insider}, {@code warehouse} or {@code events}), the
 * rest are its options ({@link BenchmarkOptions}; {@link ServerBenchmarkOptions} for {@code server},
 * {@link InsiderBenchmarkOptions} for {@code insider}, {@link WarehouseBenchmarkOptions} for
 * {@code warehouse}, {@link EventsBenchmarkOptions} for {@code events}). Exits with 2 for a wrong command line
 * and 1 when a benchmark fails.
 */
public final class Benchmarks {
    static final String USAGE = """
            usage: cohort-bench/run [load | orchestration] [--rows N] [--seed N] [--dir DIR] [--keep] [--rounds N]
                   cohort-bench/run server [--runs N] [--workers N] [--clients N] [options below]
                   cohort-bench/run insider [--requests N] [--rate N] [--clients N] [--burst N] [--warmup N]
                   cohort-bench/run warehouse [--rows N] [--seed N] [--pg-url URL] [--dir DIR] [--keep]
                   cohort-bench/run events [--events N] [--wallets N] [--senders N] [--store sqlite|postgres|both] [options below]
              load           generate customers.csv and load it into DuckDB (the default)
              orchestration  (a) DuckDB COPY alone, (b) OpenSSH sftp alone, (c) Cohort's run: query, template, CSV, SFTP
              server         cohort server processes on PostgreSQL: runs/s on one node and on two, API latency
              insider        upload requests to the Insider One stand-in through the runtime's rate gate: rate and 429s
              warehouse      a query exported to a PostgreSQL table: Cohort's warehouse-table run vs psql \\copy
              events         AIR stand-in → Cohort → Braze stand-in: events/s accepted and delivered, accept latency at a steady rate
              --rows N       customers to generate (default 10000000; 1_000_000 and 1e6 are fine)
              --seed N       seed of the synthetic data (default 42)
              --dir DIR      directory for the generated files and the database (default: a new temporary directory)
              --keep         keep the generated files afterwards (default: delete them)
              --rounds N     orchestration: measure (a), (b) and warm (c) N times, one after the other, and compare
                             their medians (default 1; on a shared machine 3 or 5 tell more than one)
            server's options (and --dir, --keep):
            """ + ServerBenchmarkOptions.USAGE + """

            insider's options:
            """ + InsiderBenchmarkOptions.USAGE + """

            warehouse's options (and --dir, --keep):
            """ + WarehouseBenchmarkOptions.USAGE + """

            events' options (and --dir, --keep):
            """ + EventsBenchmarkOptions.USAGE;

    /** A benchmark this jar runs. */
    enum Kind {
        LOAD, ORCHESTRATION, SERVER, INSIDER, WAREHOUSE, EVENTS;

        String command() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The benchmark the command line names and the arguments left for its options. */
    record Choice(Kind kind, List<String> arguments) {
        Choice {
            arguments = List.copyOf(arguments);
        }
    }

    private Benchmarks() {
    }

    public static void main(String[] args) {
        // cohort-cli (on this class path for the server benchmark) brings its own logback.xml: name ours explicitly
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "cohort-bench-logback.xml");
        }
        Choice choice;
        Runnable benchmark;
        boolean help;
        try {
            choice = choose(args);
            String[] arguments = choice.arguments().toArray(String[]::new);
            if (choice.kind() == Kind.SERVER) {
                ServerBenchmarkOptions options = ServerBenchmarkOptions.parse(arguments);
                help = options.help();
                benchmark = () -> ServerBenchmark.run(options, System.out);
            } else if (choice.kind() == Kind.INSIDER) {
                InsiderBenchmarkOptions options = InsiderBenchmarkOptions.parse(arguments);
                help = options.help();
                benchmark = () -> InsiderBenchmark.run(options, System.out);
            } else if (choice.kind() == Kind.WAREHOUSE) {
                WarehouseBenchmarkOptions options = WarehouseBenchmarkOptions.parse(arguments);
                help = options.help();
                benchmark = () -> WarehouseBenchmark.run(options, System.out);
            } else if (choice.kind() == Kind.EVENTS) {
                EventsBenchmarkOptions options = EventsBenchmarkOptions.parse(arguments);
                help = options.help();
                benchmark = () -> EventsBenchmark.run(options, System.out);
            } else {
                BenchmarkOptions options = BenchmarkOptions.parse(arguments);
                help = options.help();
                benchmark = choice.kind() == Kind.LOAD ? () -> LoadBenchmark.run(options, System.out)
                        : () -> OrchestrationBenchmark.run(options, System.out);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("cohort-bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (help) {
            System.out.println(USAGE);
            return;
        }
        try {
            benchmark.run();
        } catch (CohortException e) {
            System.err.println("The " + choice.kind().command() + " benchmark failed: [" + e.errorCode() + "] " + e.getMessage());
            System.exit(1);
        } catch (BenchmarkException e) {
            System.err.println("The " + choice.kind().command() + " benchmark failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Reads the benchmark's name; without one (no arguments, or an option first) it is {@code load}. */
    static Choice choose(String... args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return new Choice(Kind.LOAD, List.of(args));
        }
        for (Kind kind : Kind.values()) {
            if (kind.command().equals(args[0])) {
                return new Choice(kind, List.of(args).subList(1, args.length));
            }
        }
        throw new IllegalArgumentException("unknown benchmark '" + args[0]
                + "': choose load, orchestration, server, insider, warehouse or events");
    }
}

package dev.cohort.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of the warehouse-table benchmark ({@link WarehouseBenchmark}).
 *
 * @param rows        customers to generate and export
 * @param seed        seed of the synthetic data
 * @param postgresUrl JDBC URL of a PostgreSQL database from which the user may create databases
 * @param directory   where to write the workspace and the CSV; a new temporary directory if empty
 * @param keep        keep the files afterwards (the database is always dropped)
 * @param help        print the usage and stop
 */
record WarehouseBenchmarkOptions(long rows, long seed, String postgresUrl, Optional<Path> directory, boolean keep,
                                 boolean help) {
    static final long DEFAULT_ROWS = 1_000_000;

    static final String USAGE = """
              --rows N      customers to generate and export (default 1000000)
              --seed N      seed of the synthetic data (default 42)
              --pg-url URL  a PostgreSQL database the user may create databases from; a fresh one is created and dropped
                            (default $COHORT_BENCH_PG_URL, else jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
            """.stripTrailing();

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static WarehouseBenchmarkOptions parse(String... args) {
        long rows = DEFAULT_ROWS;
        long seed = BenchmarkOptions.DEFAULT_SEED;
        String environmentUrl = System.getenv(ServerBenchmarkOptions.POSTGRES_URL_VARIABLE);
        String postgresUrl = environmentUrl == null || environmentUrl.isBlank()
                ? ServerBenchmarkOptions.DEFAULT_POSTGRES_URL : environmentUrl.strip();
        Path directory = null;
        boolean keep = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--rows" -> rows = BenchmarkOptions.number(option, BenchmarkOptions.value(args, ++i, option));
                case "--seed" -> seed = BenchmarkOptions.number(option, BenchmarkOptions.value(args, ++i, option));
                case "--pg-url" -> postgresUrl = BenchmarkOptions.value(args, ++i, option);
                case "--dir" -> directory = Path.of(BenchmarkOptions.value(args, ++i, option));
                case "--keep" -> keep = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + option + " for the warehouse benchmark");
            }
        }
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1, got " + rows);
        }
        if (!postgresUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--pg-url must be a PostgreSQL JDBC URL such as "
                    + ServerBenchmarkOptions.DEFAULT_POSTGRES_URL);
        }
        return new WarehouseBenchmarkOptions(rows, seed, postgresUrl, Optional.ofNullable(directory), keep, help);
    }
}

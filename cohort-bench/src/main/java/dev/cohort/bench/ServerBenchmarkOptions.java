package dev.cohort.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The command line of the server benchmark ({@link ServerBenchmark}).
 *
 * @param runs            runs measured in each throughput phase (one node, then two nodes)
 * @param warmupRuns      runs per node each phase executes first, unmeasured, so that the nodes' JIT is warm
 * @param workers         {@code --workers} of every node
 * @param perDestination  {@code --per-destination} of every node
 * @param orchestrations  orchestrations the runs are spread over (runs of one orchestration never overlap)
 * @param destinations    SFTP destinations the orchestrations are spread over, one SFTP user each
 * @param rowsPerRun      rows of the table every run sends
 * @param partnerLatency  how much later the sandbox SFTP server answers each SFTP request (the round trip to a
 *                        partner across the internet); zero for loopback's own
 * @param clients         concurrent API clients in the latency phase
 * @param latency         how long each latency measurement (list, get) lasts
 * @param latencyWarmup   how long the API is warmed up before the latency measurements
 * @param postgresUrl     JDBC URL of a PostgreSQL database from which the user may create databases
 * @param cohortClasspath the class path of the {@code cohort} command the server processes run; found if empty
 * @param directory       where the workspaces and the SFTP server's files go; a new temporary directory if empty
 * @param keep            keep the files (and the nodes' logs) afterwards
 * @param help            print the usage and stop
 */
record ServerBenchmarkOptions(int runs, int warmupRuns, int workers, int perDestination, int orchestrations,
                              int destinations, int rowsPerRun, Duration partnerLatency, int clients, Duration latency,
                              Duration latencyWarmup, String postgresUrl, Optional<String> cohortClasspath,
                              Optional<Path> directory, boolean keep, boolean help) {
    static final String POSTGRES_URL_VARIABLE = "COHORT_BENCH_PG_URL";
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final int MAX_PARTNER_LATENCY_MS = 60_000;

    static final String USAGE = """
              --runs N             runs measured on one node, then on two nodes (default 1000)
              --workers N          workers of each node, cohort server --workers (default 4)
              --clients N          concurrent API clients for the latency phase (default 50)
              --warmup-runs N      runs per node each phase executes first, not measured (default 100; 0 for none)
              --orchestrations N   orchestrations the runs are spread over (default 50)
              --destinations N     SFTP destinations, one SFTP user each (default 10)
              --per-destination N  cohort server --per-destination (default 2)
              --rows N             rows each run sends (default 40)
              --partner-latency-ms N  the sandbox SFTP server answers each SFTP request N ms after serving it,
                                   as a partner across the internet would (default 0: loopback, no latency)
              --latency-seconds N  how long each latency measurement lasts (default 10; warm-up: half of it)
              --pg-url URL         a PostgreSQL database the user may create databases from
                                   (default $COHORT_BENCH_PG_URL, else jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
              --cohort-classpath CP  class path of the cohort command (default: cohort-cli/target/cohort/lib/*)
            """.stripTrailing();

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static ServerBenchmarkOptions parse(String... args) {
        int runs = 1000;
        int warmupRuns = 100;
        int workers = 4;
        int perDestination = 2;
        int orchestrations = 50;
        int destinations = 10;
        int rows = 40;
        int partnerLatencyMs = 0;
        int clients = 50;
        int latencySeconds = 10;
        String environmentUrl = System.getenv(POSTGRES_URL_VARIABLE);
        String postgresUrl = environmentUrl == null || environmentUrl.isBlank() ? DEFAULT_POSTGRES_URL : environmentUrl.strip();
        String cohortClasspath = null;
        Path directory = null;
        boolean keep = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--runs" -> runs = count(option, args, ++i, 1);
                case "--warmup-runs" -> warmupRuns = count(option, args, ++i, 0);
                case "--workers" -> workers = count(option, args, ++i, 1);
                case "--per-destination" -> perDestination = count(option, args, ++i, 1);
                case "--orchestrations" -> orchestrations = count(option, args, ++i, 1);
                case "--destinations" -> destinations = count(option, args, ++i, 1);
                case "--rows" -> rows = count(option, args, ++i, 1);
                case "--partner-latency-ms" -> partnerLatencyMs = count(option, args, ++i, 0);
                case "--clients" -> clients = count(option, args, ++i, 1);
                case "--latency-seconds" -> latencySeconds = count(option, args, ++i, 1);
                case "--pg-url" -> postgresUrl = BenchmarkOptions.value(args, ++i, option);
                case "--cohort-classpath" -> cohortClasspath = BenchmarkOptions.value(args, ++i, option);
                case "--dir" -> directory = Path.of(BenchmarkOptions.value(args, ++i, option));
                case "--keep" -> keep = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + option + " for the server benchmark");
            }
        }
        if (destinations > orchestrations) {
            throw new IllegalArgumentException("--destinations (" + destinations + ") cannot be more than --orchestrations ("
                    + orchestrations + "): each destination needs an orchestration writing to it");
        }
        if (partnerLatencyMs > MAX_PARTNER_LATENCY_MS) {
            throw new IllegalArgumentException("--partner-latency-ms must be at most " + MAX_PARTNER_LATENCY_MS
                    + " (a minute per request), got " + partnerLatencyMs);
        }
        if (!postgresUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--pg-url must be a PostgreSQL JDBC URL such as " + DEFAULT_POSTGRES_URL);
        }
        Duration latency = Duration.ofSeconds(latencySeconds);
        return new ServerBenchmarkOptions(runs, warmupRuns, workers, perDestination, orchestrations, destinations, rows,
                Duration.ofMillis(partnerLatencyMs), clients, latency, latency.dividedBy(2), postgresUrl,
                Optional.ofNullable(cohortClasspath), Optional.ofNullable(directory), keep, help);
    }

    private static int count(String option, String[] args, int index, int least) {
        long value = BenchmarkOptions.number(option, BenchmarkOptions.value(args, index, option));
        if (value < least || value > 1_000_000) {
            throw new IllegalArgumentException(option + " must be between " + least + " and 1000000, got " + value);
        }
        return (int) value;
    }
}

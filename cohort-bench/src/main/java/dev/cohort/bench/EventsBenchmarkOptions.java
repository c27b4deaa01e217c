package dev.cohort.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of the event connectors benchmark ({@link EventsBenchmark}).
 *
 * @param events          settlement notifications AIR emits in the throughput phase
 * @param wallets         AIR wallets (each with a CUSTOMER_ID identity) the notifications are spread over, round robin
 * @param senders         AIR's concurrent notification senders in the throughput phase
 * @param stores          the metadata stores to measure, in order
 * @param rate            notifications per second sent in the latency phase
 * @param latencyDuration how long the latency phase sends at {@code rate}
 * @param warmup          notifications emitted and delivered first, unmeasured, so that the JIT is warm; 0 for none
 * @param postgresUrl     JDBC URL of a PostgreSQL database from which the user may create databases
 * @param directory       where to write the workspaces and the SQLite store; a new temporary directory if empty
 * @param keep            keep the files afterwards (the PostgreSQL database is always dropped)
 * @param help            print the usage and stop
 */
record EventsBenchmarkOptions(int events, int wallets, int senders, List<Store> stores, int rate, Duration latencyDuration,
                              int warmup, String postgresUrl, Optional<Path> directory, boolean keep, boolean help) {
    static final int DEFAULT_EVENTS = 20_000;
    static final int DEFAULT_WALLETS = 2_000;
    static final int DEFAULT_SENDERS = 16;
    static final int DEFAULT_RATE = 1_000;
    static final int DEFAULT_LATENCY_SECONDS = 10;
    static final int DEFAULT_WARMUP = 20_000;
    /** The Braze stand-in keeps the newest 1,000 events of each user: more per wallet could not be checked one by one. */
    static final int MAX_EVENTS_PER_WALLET = 1_000;

    static final String USAGE = """
              --events N           settlement notifications AIR emits in the throughput phase (default 20000)
              --wallets N          AIR wallets, each with a CUSTOMER_ID identity, the notifications are spread over (default 2000)
              --senders N          AIR's concurrent notification senders, each answered only once Cohort stored the event (default 16)
              --store S            sqlite, postgres or both (default both)
              --rate N             notifications per second in the accept-latency phase (default 1000)
              --latency-seconds N  how long the accept-latency phase sends (default 10)
              --warmup N           notifications emitted and delivered first, unmeasured, to warm the JIT (default 20000; 0: none)
              --pg-url URL         a PostgreSQL database the user may create databases from; a fresh one is created and dropped
                                   (default $COHORT_BENCH_PG_URL, else jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
            """.stripTrailing();

    /** A metadata store the benchmark measures. */
    enum Store {
        SQLITE("SQLite"), POSTGRES("PostgreSQL");

        private final String label;

        Store(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    EventsBenchmarkOptions {
        stores = List.copyOf(stores);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static EventsBenchmarkOptions parse(String... args) {
        int events = DEFAULT_EVENTS;
        int wallets = DEFAULT_WALLETS;
        int senders = DEFAULT_SENDERS;
        List<Store> stores = List.of(Store.SQLITE, Store.POSTGRES);
        int rate = DEFAULT_RATE;
        int latencySeconds = DEFAULT_LATENCY_SECONDS;
        int warmup = DEFAULT_WARMUP;
        String environmentUrl = System.getenv(ServerBenchmarkOptions.POSTGRES_URL_VARIABLE);
        String postgresUrl = environmentUrl == null || environmentUrl.isBlank()
                ? ServerBenchmarkOptions.DEFAULT_POSTGRES_URL : environmentUrl.strip();
        Path directory = null;
        boolean keep = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--events" -> events = count(option, BenchmarkOptions.value(args, ++i, option), 1, 10_000_000);
                case "--wallets" -> wallets = count(option, BenchmarkOptions.value(args, ++i, option), 1, 1_000_000);
                case "--senders" -> senders = count(option, BenchmarkOptions.value(args, ++i, option), 1, 1_024);
                case "--store" -> stores = stores(BenchmarkOptions.value(args, ++i, option));
                case "--rate" -> rate = count(option, BenchmarkOptions.value(args, ++i, option), 1, 100_000);
                case "--latency-seconds" -> latencySeconds = count(option, BenchmarkOptions.value(args, ++i, option), 1, 3_600);
                case "--warmup" -> warmup = count(option, BenchmarkOptions.value(args, ++i, option), 0, 10_000_000);
                case "--pg-url" -> postgresUrl = BenchmarkOptions.value(args, ++i, option);
                case "--dir" -> directory = Path.of(BenchmarkOptions.value(args, ++i, option));
                case "--keep" -> keep = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + option + " for the events benchmark");
            }
        }
        int perWallet = Math.max(events, Math.max(warmup, rate * latencySeconds));
        if ((perWallet + wallets - 1) / wallets > MAX_EVENTS_PER_WALLET) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d events over %,d wallets is more than %,d per wallet,"
                    + " the most the Braze stand-in keeps per user to check one by one: give at least --wallets %d", perWallet,
                    wallets, MAX_EVENTS_PER_WALLET, (perWallet + MAX_EVENTS_PER_WALLET - 1) / MAX_EVENTS_PER_WALLET));
        }
        if (stores.contains(Store.POSTGRES) && !postgresUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--pg-url must be a PostgreSQL JDBC URL such as "
                    + ServerBenchmarkOptions.DEFAULT_POSTGRES_URL);
        }
        return new EventsBenchmarkOptions(events, wallets, senders, stores, rate, Duration.ofSeconds(latencySeconds), warmup,
                postgresUrl, Optional.ofNullable(directory), keep, help);
    }

    private static List<Store> stores(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "sqlite" -> List.of(Store.SQLITE);
            case "postgres", "postgresql" -> List.of(Store.POSTGRES);
            case "both" -> List.of(Store.SQLITE, Store.POSTGRES);
            default -> throw new IllegalArgumentException("--store must be sqlite, postgres or both, got '" + text + "'");
        };
    }

    private static int count(String option, String text, int least, int most) {
        long value = BenchmarkOptions.number(option, text);
        if (value < least || value > most) {
            throw new IllegalArgumentException(option + " must be between " + least + " and " + most + ", got " + value);
        }
        return (int) value;
    }
}

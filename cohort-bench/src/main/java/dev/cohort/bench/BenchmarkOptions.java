package dev.cohort.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line shared by the benchmarks ({@link LoadBenchmark}, {@link OrchestrationBenchmark}).
 *
 * @param rows      customers to generate
 * @param seed      seed of the synthetic data
 * @param directory where to write the files and the database; a new temporary directory if empty
 * @param keep      keep the files and the database afterwards
 * @param rounds    the orchestration benchmark's rounds: after the first, (a), (b) and (c) again, one after the other
 * @param help      print the usage and stop
 */
record BenchmarkOptions(long rows, long seed, Optional<Path> directory, boolean keep, int rounds, boolean help) {
    static final long DEFAULT_ROWS = 10_000_000;
    static final long DEFAULT_SEED = 42;

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static BenchmarkOptions parse(String... args) {
        long rows = DEFAULT_ROWS;
        long seed = DEFAULT_SEED;
        Path directory = null;
        boolean keep = false;
        long rounds = 1;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = number("--rows", value(args, ++i, "--rows"));
                case "--seed" -> seed = number("--seed", value(args, ++i, "--seed"));
                case "--dir" -> directory = Path.of(value(args, ++i, "--dir"));
                case "--keep" -> keep = true;
                case "--rounds" -> rounds = number("--rounds", value(args, ++i, "--rounds"));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1, got " + rows);
        }
        if (rounds < 1 || rounds > 20) {
            throw new IllegalArgumentException("--rounds must be between 1 and 20, got " + rounds);
        }
        return new BenchmarkOptions(rows, seed, Optional.ofNullable(directory), keep, (int) rounds, help);
    }

    static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    static long number(String option, String text) {
        String digits = text.replace("_", "");
        try {
            return digits.matches("\\d+(\\.\\d+)?[eE]\\d+") ? (long) Double.parseDouble(digits) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'");
        }
    }
}

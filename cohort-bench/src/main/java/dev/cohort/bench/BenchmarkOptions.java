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
 * @param help      print the usage and stop
 */
record BenchmarkOptions(long rows, long seed, Optional<Path> directory, boolean keep, boolean help) {
    static final long DEFAULT_ROWS = 10_000_000;
    static final long DEFAULT_SEED = 42;

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user. */
    static BenchmarkOptions parse(String... args) {
        long rows = DEFAULT_ROWS;
        long seed = DEFAULT_SEED;
        Path directory = null;
        boolean keep = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = number("--rows", value(args, ++i, "--rows"));
                case "--seed" -> seed = number("--seed", value(args, ++i, "--seed"));
                case "--dir" -> directory = Path.of(value(args, ++i, "--dir"));
                case "--keep" -> keep = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1, got " + rows);
        }
        return new BenchmarkOptions(rows, seed, Optional.ofNullable(directory), keep, help);
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

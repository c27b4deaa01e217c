package dev.cohort.engine.duckdb;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * How DuckDB is configured when a database opens.
 *
 * @param memoryLimit   DuckDB's {@code memory_limit}: a size ({@code 8GB}) or a share of the machine's
 *                      memory ({@code 50%})
 * @param threads       DuckDB's {@code threads}, or empty for one per core (DuckDB's default)
 * @param tempDirectory where DuckDB spills what does not fit in memory
 */
record DuckDbSettings(String memoryLimit, Optional<Integer> threads, Path tempDirectory) {
    static final String MEMORY_LIMIT_PROPERTY = "cohort.duckdb.memoryLimit";
    static final String THREADS_PROPERTY = "cohort.duckdb.threads";
    /**
     * Half the memory, not DuckDB's own 80%: the JVM running Cohort (its heap and the rows it streams)
     * lives in the same process.
     */
    static final String DEFAULT_MEMORY_LIMIT = "50%";

    /** The settings given by {@value #MEMORY_LIMIT_PROPERTY} and {@value #THREADS_PROPERTY}, else the defaults. */
    static DuckDbSettings fromSystemProperties(Path tempDirectory) {
        String memoryLimit = System.getProperty(MEMORY_LIMIT_PROPERTY, DEFAULT_MEMORY_LIMIT).strip();
        String threads = System.getProperty(THREADS_PROPERTY, "").strip();
        return new DuckDbSettings(memoryLimit, threads.isEmpty() ? Optional.empty() : Optional.of(parseThreads(threads)),
                tempDirectory);
    }

    /** The settings as DuckDB configuration options, given when the database opens. */
    Properties toConnectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", memoryLimit);
        threads.ifPresent(count -> properties.setProperty("threads", Integer.toString(count)));
        properties.setProperty("temp_directory", tempDirectory.toString());
        // A self-hosted server never downloads code on its own; the extensions Cohort needs are built in.
        properties.setProperty("autoinstall_known_extensions", "false");
        // Stream results instead of materializing them, so memory does not grow with a result.
        properties.setProperty("jdbc_stream_results", "true");
        return properties;
    }

    private static int parseThreads(String text) {
        try {
            int threads = Integer.parseInt(text);
            if (threads > 0) {
                return threads;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + text
                + " is not a thread count: give a whole number of at least 1, or leave it unset for one per core");
    }
}

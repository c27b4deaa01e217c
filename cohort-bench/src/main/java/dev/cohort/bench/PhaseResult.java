package dev.cohort.bench;

import java.time.Duration;

/**
 * What one phase of a benchmark did and cost.
 *
 * @param phase   what was measured, e.g. "generate customers.csv"
 * @param rows    rows written or loaded
 * @param bytes   size of the file written or read
 * @param elapsed wall-clock time
 * @param memory  peak memory during the phase
 */
record PhaseResult(String phase, long rows, long bytes, Duration elapsed, MemoryPeaks memory) {
    double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    double rowsPerSecond() {
        return rows / seconds();
    }

    /** Decimal megabytes (10^6 bytes) per second. */
    double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }
}

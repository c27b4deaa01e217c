package dev.cohort.bench;

import java.util.List;
import java.util.Locale;

/** Renders phase results as the Markdown table of {@code docs/benchmarks.md}. */
final class ResultTable {
    private static final double MIB = 1024.0 * 1024.0;

    private ResultTable() {
    }

    static String markdown(List<PhaseResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| phase | rows | file MB | seconds | rows/s | MB/s | peak heap used, MiB "
                + "| peak heap after GC, MiB | peak RSS, MiB | max sampled RSS, MiB |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult result : results) {
            MemoryPeaks memory = result.memory();
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.1f | %,.0f | %.0f | %,.0f | %,.0f | %,.0f%s | %,.0f |%n",
                    result.phase(), result.rows(), result.bytes() / 1e6, result.seconds(), result.rowsPerSecond(),
                    result.megabytesPerSecond(), memory.heapUsedBytes() / MIB, memory.heapAfterGcBytes() / MIB,
                    memory.residentBytes() / MIB, memory.residentExact() ? "" : " (sampled)",
                    memory.residentSampledBytes() / MIB));
        }
        return out.toString();
    }
}

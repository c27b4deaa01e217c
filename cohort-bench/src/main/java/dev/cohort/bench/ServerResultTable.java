package dev.cohort.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the server benchmark's results as the Markdown tables of {@code docs/benchmarks.md}. */
final class ServerResultTable {
    private ServerResultTable() {
    }

    static String throughput(List<QueueThroughput.Result> results, int workers) {
        StringBuilder out = new StringBuilder();
        out.append("| phase | nodes × workers | runs | seconds | runs/s | runs by node | run time p50 / p99, ms "
                + "| CPU s: server nodes | server CPU per run, ms | CPU s: bench JVM (SFTP server, clients) | CPU s: PostgreSQL "
                + "| CPU s: other processes | machine busy, cores |\n");
        out.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (QueueThroughput.Result r : results) {
            CpuSample.CpuUse cpu = r.cpu();
            out.append(String.format(Locale.ROOT, "| %s | %d × %d | %,d | %.1f | %.1f | %s | %.0f / %.0f | %s | %.0f | %.1f | %s | %s | %s |%n",
                    r.phase(), r.nodes(), workers, r.runs(), r.seconds(), r.runsPerSecond(), shares(r.runsByNode(), r.runs()),
                    r.runTimeP50().toNanos() / 1e6, r.runTimeP99().toNanos() / 1e6, nodes(cpu), 1000 * cpu.nodesTotal() / r.runs(),
                    cpu.bench(), seconds(cpu.postgres()), seconds(cpu.others()), busy(cpu)));
        }
        return out.toString();
    }

    static String latency(List<ApiLatency.Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| request (one node) | clients | requests | requests/s | p50, ms | p99, ms | max, ms "
                + "| CPU s: server node | CPU s: bench JVM (clients) | CPU s: PostgreSQL | CPU s: other processes "
                + "| machine busy, cores |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ApiLatency.Result r : results) {
            CpuSample.CpuUse cpu = r.cpu();
            out.append(String.format(Locale.ROOT, "| `%s` | %d | %,d | %,.0f | %.1f | %.1f | %.1f | %s | %.1f | %s | %s | %s |%n",
                    r.request(), r.clients(), r.requests(), r.perSecond(), r.millis(50), r.millis(99), r.maxMillis(),
                    nodes(cpu), cpu.bench(), seconds(cpu.postgres()), seconds(cpu.others()), busy(cpu)));
        }
        return out.toString();
    }

    /** {@code a 512 (51%), b 488 (49%)}. */
    static String shares(Map<String, Long> byNode, int runs) {
        return byNode.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d (%.0f%%)", e.getKey(), e.getValue(),
                100.0 * e.getValue() / runs)).collect(Collectors.joining(", "));
    }

    /** {@code 20.1} for one node, {@code 10.2 + 9.9 = 20.1} for several. */
    static String nodes(CpuSample.CpuUse cpu) {
        if (cpu.nodes().size() == 1) {
            return seconds(cpu.nodesTotal());
        }
        return cpu.nodes().values().stream().map(ServerResultTable::seconds).collect(Collectors.joining(" + "))
                + " = " + seconds(cpu.nodesTotal());
    }

    /** Busy time over wall time: {@code 1.93 of 2}. */
    static String busy(CpuSample.CpuUse cpu) {
        return Double.isNaN(cpu.machine()) ? "n/a" : String.format(Locale.ROOT, "%.2f of %.0f", cpu.machine() / cpu.wall(),
                cpu.cores());
    }

    static String seconds(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.1f", seconds);
    }
}

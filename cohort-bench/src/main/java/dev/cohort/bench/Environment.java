package dev.cohort.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One paragraph on the machine and JVM a benchmark ran on, for the results to be read against. */
final class Environment {
    private static final String DUCKDB_MEMORY_LIMIT_PROPERTY = "cohort.duckdb.memoryLimit";

    private Environment() {
    }

    static String describe(String title, BenchmarkOptions options) {
        return String.format(Locale.ROOT, """
                %s: %,d customers, seed %d
                %s  DuckDB memory_limit: %s
                """,
                title, options.rows(), options.seed(), machineAndJvm(),
                System.getProperty(DUCKDB_MEMORY_LIMIT_PROPERTY, "engine default"));
    }

    /** Two indented lines: the machine (cores, CPU, OS) and this JVM (version, max heap, collectors). */
    static String machineAndJvm() {
        Runtime runtime = Runtime.getRuntime();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, """
                  machine: %d cores (%s), %s %s
                  JVM: %s %s, max heap %,d MiB, GC: %s
                """,
                runtime.availableProcessors(), cpuModel(), System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                runtime.maxMemory() / (1024 * 1024), collectors);
    }

    /** The load average over 1, 5 and 15 minutes ({@code /proc/loadavg}): how busy the machine already is. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}

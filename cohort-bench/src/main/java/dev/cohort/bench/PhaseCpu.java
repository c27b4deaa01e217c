package dev.cohort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where one phase of the warehouse benchmark spent CPU, from Linux's {@code /proc}: this JVM (DuckDB and
 * Cohort's run), PostgreSQL's processes working for the benchmark's database (its backends, told apart by
 * their process title, and the server's shared background processes such as the WAL writer and the
 * checkpointer), {@code psql}, and the whole machine. Backends live only as long as their connection —
 * shorter than the phase — so a daemon thread reads every such process every {@value #SAMPLE_MILLIS} ms and
 * keeps the last value it saw: what a process used in the last few milliseconds before it ended is missed.
 * Linux only; elsewhere the values are NaN. One phase at a time; {@link #stop} once.
 */
final class PhaseCpu {
    private static final Path PROC = Path.of("/proc");
    private static final long SAMPLE_MILLIS = 100;
    private static final String POSTGRES = "postgres";
    private static final String PSQL = "psql";

    /**
     * CPU used during a phase, in seconds.
     *
     * @param wall     the phase's wall-clock time
     * @param jvm      this JVM's
     * @param postgres PostgreSQL's processes for the database, and the shared ones
     * @param psql     {@code psql}'s
     * @param machine  all cores' busy time
     * @param cores    how many cores the machine has
     */
    record Use(double wall, double jvm, double postgres, double psql, double machine, double cores) {
        /** {@code this JVM 12.3 s, PostgreSQL 8.1 s, psql 0.0 s; machine 1.85 of 2 cores busy}. */
        String describe() {
            return String.format(Locale.ROOT, "this JVM %.1f s, PostgreSQL %.1f s, psql %.1f s; machine %.2f of %.0f cores busy",
                    jvm, postgres, psql, machine / wall, cores);
        }
    }

    private record Ticks(String group, long first, long last) {}

    private final String database;
    private final long startNanos = System.nanoTime();
    private final long jvmBefore = ThreadCpu.processTicks(ProcessHandle.current().pid()).orElse(-1);
    private final long[] machineBefore = CpuSample.machineTicks();
    private final Map<Long, Ticks> processes = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private PhaseCpu(String database) {
        this.database = database;
        sample(true);
        this.sampler = Thread.ofPlatform().daemon().name("phase-cpu").start(this::sampleUntilStopped);
    }

    /** Starts watching PostgreSQL's processes for {@code database}, {@code psql}, this JVM and the machine. */
    static PhaseCpu start(String database) {
        return new PhaseCpu(database);
    }

    Use stop() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample(false);
        double wall = (System.nanoTime() - startNanos) / 1e9;
        long jvmAfter = ThreadCpu.processTicks(ProcessHandle.current().pid()).orElse(-1);
        long[] machineAfter = CpuSample.machineTicks();
        Map<String, Long> byGroup = new HashMap<>();
        processes.values().forEach(t -> byGroup.merge(t.group(), t.last() - t.first(), Long::sum));
        double total = seconds(machineBefore[1], machineAfter[1]);
        return new Use(wall, seconds(jvmBefore, jvmAfter), byGroup.getOrDefault(POSTGRES, 0L) / ThreadCpu.TICKS_PER_SECOND,
                byGroup.getOrDefault(PSQL, 0L) / ThreadCpu.TICKS_PER_SECOND, seconds(machineBefore[0], machineAfter[0]),
                total > 0 && wall > 0 ? total / wall : Runtime.getRuntime().availableProcessors());
    }

    private static double seconds(long before, long after) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / ThreadCpu.TICKS_PER_SECOND;
    }

    private void sampleUntilStopped() {
        while (running) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            sample(false);
        }
    }

    /**
     * Reads the processes of interest; those seen in the first sample count from what they had used then,
     * those that appear later from zero (all their CPU is the phase's).
     */
    private void sample(boolean first) {
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path process : entries.toList()) {
                String pid = process.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                read(process.resolve("stat")).ifPresent(stat -> {
                    String group = group(stat.name(), process);
                    if (group != null) {
                        processes.compute(Long.parseLong(pid), (key, known) -> known == null
                                ? new Ticks(group, first ? stat.ticks() : 0, stat.ticks())
                                : new Ticks(group, known.first(), Math.max(known.last(), stat.ticks())));
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: the groups stay at zero
        }
    }

    private String group(String name, Path process) {
        if (name.equals(PSQL)) {
            return PSQL;
        }
        if (name.equals(POSTGRES) && CpuSample.worksFor(title(process), database)) {
            return POSTGRES;
        }
        return null;
    }

    private static Optional<CpuSample.ProcStat> read(Path stat) {
        try {
            return CpuSample.ProcStat.parse(Files.readString(stat, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String title(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }
}

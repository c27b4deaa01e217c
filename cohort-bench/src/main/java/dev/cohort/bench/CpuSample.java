package dev.cohort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU used so far, read from Linux's {@code /proc}, by the processes a server benchmark phase involves:
 * each server node, this JVM (the sandbox SFTP server and the HTTP clients), PostgreSQL's processes
 * working for the benchmark's database (its backends and autovacuum workers, told apart by their process
 * title, plus the shared background processes; the server may serve other people's databases too), and
 * the whole machine ({@code /proc/stat}). Two samples give what a phase cost: {@link #until}. Counts are
 * in ticks of 1/100 s; a value that cannot be read is -1. A backend that ends between two samples is
 * not counted: the benchmark's connections are pooled and live through a phase.
 *
 * @param nanos        {@link System#nanoTime()} when taken
 * @param nodes        ticks of each node, by name
 * @param bench        ticks of this JVM
 * @param postgres     ticks of PostgreSQL's processes
 * @param machineBusy  ticks all cores spent not idle (user, nice, system, irq, softirq, steal)
 * @param machineTotal ticks of all cores, idle included
 */
record CpuSample(long nanos, Map<String, Long> nodes, long bench, long postgres, long machineBusy, long machineTotal) {
    private static final Path PROC = Path.of("/proc");
    private static final String POSTGRES = "postgres";
    /** A backend's title names its database: {@code postgres: 15/main: user db 127.0.0.1(5000) idle}. */
    private static final Pattern WORKING_FOR = Pattern.compile(
            "^postgres: (?:[^:]+: )?(?:autovacuum worker (\\S+)|\\S+ (\\S+) (?:\\S+\\(\\d+\\)|\\[local\\]))");

    /** Samples the nodes, this JVM, PostgreSQL's processes for {@code database} and the machine. */
    static CpuSample take(List<ServerNode> nodes, String database) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (ServerNode node : nodes) {
            ticks.put(node.name(), node.cpuTicks());
        }
        long[] machine = machineTicks();
        return new CpuSample(System.nanoTime(), ticks, ThreadCpu.processTicks(ProcessHandle.current().pid()).orElse(-1),
                postgresTicks(database), machine[0], machine[1]);
    }

    /** What was used from this sample to {@code later}, in seconds. */
    CpuUse until(CpuSample later) {
        Map<String, Double> nodeSeconds = new LinkedHashMap<>();
        nodes.forEach((name, ticks) -> nodeSeconds.put(name, seconds(ticks, later.nodes().getOrDefault(name, -1L))));
        double wall = (later.nanos() - nanos) / 1e9;
        double busy = seconds(machineBusy, later.machineBusy());
        double total = seconds(machineTotal, later.machineTotal());
        double cores = total > 0 && wall > 0 ? total / wall : Runtime.getRuntime().availableProcessors();
        return new CpuUse(wall, nodeSeconds, seconds(bench, later.bench()), seconds(postgres, later.postgres()), busy, cores);
    }

    private static double seconds(long before, long after) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / ThreadCpu.TICKS_PER_SECOND;
    }

    /** Busy and total ticks of all cores, from the first line of {@code /proc/stat}. */
    static long[] machineTicks() {
        try (Stream<String> lines = Files.lines(PROC.resolve("stat"))) {
            return lines.findFirst().map(CpuSample::machineTicks).orElse(new long[] {-1, -1});
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal …} → {busy, total}. */
    static long[] machineTicks(String cpuLine) {
        String[] f = cpuLine.strip().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) {
            return new long[] {-1, -1};
        }
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = Long.parseLong(f[5]);
        long irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]);
        long steal = Long.parseLong(f[8]);
        long busy = user + nice + system + irq + softirq + steal;
        return new long[] {busy, busy + idle + iowait};
    }

    /** Ticks of the {@code postgres} processes working for {@code database} or for every database. */
    static long postgresTicks(String database) {
        long ticks = 0;
        boolean seen = false;
        try (Stream<Path> processes = Files.list(PROC)) {
            for (Path process : processes.toList()) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                Optional<ProcStat> stat = read(process.resolve("stat")).filter(s -> s.name().equals(POSTGRES));
                if (stat.isPresent() && worksFor(title(process), database)) {
                    ticks += stat.get().ticks();
                    seen = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return seen ? ticks : -1;
    }

    /** Whether a {@code postgres} process with this title works for {@code database}: its backend, or shared. */
    static boolean worksFor(String title, String database) {
        Matcher m = WORKING_FOR.matcher(title);
        if (!m.find()) {
            return true;
        }
        return database.equals(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static String title(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<ProcStat> read(Path stat) {
        try {
            return ProcStat.parse(Files.readString(stat, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The fields of a {@code /proc/<pid>/stat} line this class needs: the process's name and CPU ticks. */
    record ProcStat(String name, long ticks) {
        static Optional<ProcStat> parse(String line) {
            int close = line.lastIndexOf(')');
            if (close < 0) {
                return Optional.empty();
            }
            String[] f = line.substring(close + 1).strip().split(" ");
            if (f.length < 15) {
                return Optional.empty();
            }
            // fields from 3 (state): utime is 14, stime 15
            return Optional.of(new ProcStat(ThreadCpu.name(line), Long.parseLong(f[11]) + Long.parseLong(f[12])));
        }
    }

    /**
     * CPU used during a phase, in seconds.
     *
     * @param wall     the phase's wall-clock time
     * @param nodes    each server node's CPU, by name (NaN if it could not be read)
     * @param bench    this JVM's
     * @param postgres PostgreSQL's for the benchmark's database (NaN where its processes are not visible)
     * @param machine  all cores' busy time
     * @param cores    how many cores the machine has
     */
    record CpuUse(double wall, Map<String, Double> nodes, double bench, double postgres, double machine, double cores) {
        double nodesTotal() {
            return nodes.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** What no process the benchmark knows of used: other work on the machine (and the kernel's own). */
        double others() {
            double known = nodesTotal() + bench + (Double.isNaN(postgres) ? 0 : postgres);
            return Math.max(0, machine - known);
        }
    }
}

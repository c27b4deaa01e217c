package dev.cohort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time of each thread of this process during a phase, from {@code /proc/self/task/<tid>/stat}:
 * {@link #start} reads every thread's CPU so far, a daemon thread reads it again every 100 ms (so that a
 * thread ending during the phase, such as an SSH connection's, still counts), and {@link #stop} tells
 * where the phase's CPU went. Threads are grouped by the name the kernel knows them by — the first 15
 * characters of a Java thread's name; threads started outside Java, such as DuckDB's workers, keep the
 * name {@code java}, like the JVM's main thread, which is told apart by its thread id. Linux only;
 * elsewhere the result is empty. One phase at a time; {@link #stop} once.
 */
final class ThreadCpu {
    /** The kernel's {@code USER_HZ}: {@code /proc} counts CPU time in ticks of 1/100 s on Linux. */
    static final double TICKS_PER_SECOND = 100;
    static final String UNNAMED = "java";
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path PROCESS = Path.of("/proc/self/stat");
    private static final long SAMPLE_MILLIS = 100;
    private static final int SHOWN_GROUPS = 8;
    private static final double SHOWN_SECONDS = 0.05;

    private record ThreadTicks(String name, long ticks) {}

    private final long mainThreadId;
    private final Map<Long, ThreadTicks> before;
    private final long processBefore;
    private final Map<Long, ThreadTicks> latest = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu(long mainThreadId) {
        this.mainThreadId = mainThreadId;
        this.before = threads();
        this.processBefore = processTicks();
        this.sampler = Thread.ofPlatform().daemon().name("thread-cpu").start(this::sampleUntilStopped);
    }

    /** Starts watching; {@code mainThreadId} (from {@link #currentThreadId()}) is reported as "main thread". */
    static ThreadCpu start(long mainThreadId) {
        return new ThreadCpu(mainThreadId);
    }

    /**
     * Stops watching: CPU seconds per group of threads since {@link #start}, most first. What no sample
     * saw (threads that lived less than a sampling period) is "short-lived threads".
     */
    Map<String, Double> stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        latest.putAll(threads());
        Map<String, Long> ticks = new HashMap<>();
        long counted = 0;
        for (Map.Entry<Long, ThreadTicks> thread : latest.entrySet()) {
            ThreadTicks earlier = before.get(thread.getKey());
            long used = thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            String group = thread.getKey() == mainThreadId ? "main thread" : group(thread.getValue().name());
            ticks.merge(group, used, Long::sum);
            counted += used;
        }
        ticks.merge("short-lived threads", Math.max(0, processTicks() - processBefore - counted), Long::sum);
        Map<String, Double> seconds = new LinkedHashMap<>();
        ticks.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> seconds.put(e.getKey(), e.getValue() / TICKS_PER_SECOND));
        return seconds;
    }

    private void sampleUntilStopped() {
        while (running) {
            latest.putAll(threads());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Map<Long, ThreadTicks> threads() {
        Map<Long, ThreadTicks> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                readStat(task.resolve("stat")).ifPresent(stat -> threads.put(Long.parseLong(task.getFileName().toString()), stat));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    private static long processTicks() {
        return readStat(PROCESS).map(ThreadTicks::ticks).orElse(0L);
    }

    /** The kernel's id of the calling thread, to tell it apart in {@link #stop}; -1 where unknown. */
    static long currentThreadId() {
        try {
            return Long.parseLong(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** One line: the total and the largest groups, e.g. {@code 9.1 s CPU: main thread 4.2 s, GC Thread 0.3 s}. */
    static String describe(Map<String, Double> cpu) {
        double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> parts = new ArrayList<>();
        double others = 0;
        int shown = 0;
        for (Map.Entry<String, Double> group : cpu.entrySet()) {
            if (shown++ < SHOWN_GROUPS && group.getValue() >= SHOWN_SECONDS) {
                parts.add(String.format(Locale.ROOT, "%s %.1f s", group.getKey(), group.getValue()));
            } else {
                others += group.getValue();
            }
        }
        if (others >= SHOWN_SECONDS) {
            parts.add(String.format(Locale.ROOT, "others %.1f s", others));
        }
        return String.format(Locale.ROOT, "%.1f s CPU: %s", total, String.join(", ", parts));
    }

    /**
     * The group of a thread's kernel name: without a counter or instance suffix, so that a pool's threads
     * add up ({@code GC Thread#1} and {@code GC Thread#0} are {@code GC Thread}; {@code ForkJoinPool-1-}
     * is {@code ForkJoinPool}; {@code sshd-SshServer[} is {@code sshd-SshServer}); unnamed threads are
     * DuckDB's.
     */
    static String group(String name) {
        if (name.equals(UNNAMED)) {
            return "unnamed (DuckDB)";
        }
        int cut = name.length();
        for (char end : new char[] {'#', '['}) {
            int at = name.indexOf(end);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        String group = name.substring(0, cut).replaceAll("[-\\d\\s]+$", "");
        return group.isEmpty() ? name : group;
    }

    /** User plus system CPU ticks of process {@code pid} so far; empty once it has ended. */
    static OptionalLong processTicks(long pid) {
        return readStat(Path.of("/proc", Long.toString(pid), "stat"))
                .map(stat -> OptionalLong.of(stat.ticks())).orElse(OptionalLong.empty());
    }

    /** User plus system ticks of a {@code /proc/.../stat} file, with the thread's or process's name. */
    private static Optional<ThreadTicks> readStat(Path stat) {
        try {
            String line = Files.readString(stat, StandardCharsets.UTF_8);
            OptionalLong ticks = ticks(line);
            return ticks.isPresent() ? Optional.of(new ThreadTicks(name(line), ticks.getAsLong())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The name in a {@code stat} line: between the first '(' and the last ')', as it may hold either. */
    static String name(String statLine) {
        return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
    }

    /** {@code utime + stime} (fields 14 and 15) of a {@code stat} line; empty if it is not one. */
    static OptionalLong ticks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            return OptionalLong.empty();
        }
        String[] fields = statLine.substring(close + 1).strip().split(" ");
        if (fields.length < 13) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

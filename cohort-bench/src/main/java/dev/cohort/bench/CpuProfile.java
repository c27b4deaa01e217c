package dev.cohort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where this JVM's Java code spent its CPU during a phase, by part of the pipeline — when everything runs on virtual
 * threads, the kernel sees only the carrier threads ({@code ForkJoinPool}), so {@link ThreadCpu} cannot tell the AIR
 * stand-in from Cohort. A JFR recording samples every running Java thread (virtual ones with their own stacks) every
 * {@value #PERIOD_MILLIS} ms; each sample goes to the first {@link Part} whose packages appear anywhere in its stack,
 * and Cohort's parts also count the samples inside the metadata store's driver (JDBC, Jdbi, HikariCP). GC and JIT
 * threads are not sampled: {@link ThreadCpu} shows them. One phase at a time; {@link #stop} once.
 */
final class CpuProfile {
    static final long PERIOD_MILLIS = 10;
    private static final String SAMPLE = "jdk.ExecutionSample";
    private static final List<String> STORE_DRIVER = List.of("org.postgresql.", "org.sqlite.", "org.jdbi.", "com.zaxxer.hikari.",
            "dev.cohort.runtime.store.");

    /** A part of the pipeline, found by the packages in a sample's stack; the first that matches wins. */
    enum Part {
        AIR("AIR stand-in (emitting, posting notifications)", "dev.cohort.sandbox.air."),
        BRAZE("Braze stand-in (/users/track)", "dev.cohort.sandbox.braze."),
        BENCH("benchmark (the paced client of (2), polling, samplers)", "dev.cohort.bench."),
        DELIVERY("Cohort delivery (claim, map, send to Braze, record)", "dev.cohort.runtime.event.EventDispatcher"),
        ACCEPT("Cohort accept (/out endpoint: read, store)", "dev.cohort.runtime.event.EventIntake", "dev.cohort.server.",
                "io.javalin."),
        JETTY("Cohort HTTP server I/O (Jetty)", "org.eclipse.jetty."),
        STAND_IN_HTTP("stand-ins' HTTP server I/O (JDK)", "sun.net.httpserver."),
        HTTP_CLIENT("HTTP clients' I/O (JDK HttpClient)", "jdk.internal.net.http."),
        OTHER("other Java code");

        private final String label;
        private final List<String> prefixes;

        Part(String label, String... prefixes) {
            this.label = label;
            this.prefixes = List.of(prefixes);
        }

        String label() {
            return label;
        }

        boolean in(List<String> classes) {
            for (String type : classes) {
                for (String prefix : prefixes) {
                    if (type.startsWith(prefix)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * The samples of a phase.
     *
     * @param samples     samples by part
     * @param storeDriver of each part's samples, those inside the metadata store's driver
     */
    record Profile(Map<Part, Long> samples, Map<Part, Long> storeDriver) {
        long total() {
            return samples.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Lines {@code   Cohort accept …: 31% (of which the store's driver 12%)}, most first; "no samples" when none. */
        List<String> describe() {
            long total = total();
            List<String> lines = new ArrayList<>();
            if (total == 0) {
                lines.add("no samples (JFR unavailable?)");
                return lines;
            }
            samples.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<Part, Long>comparingByValue().reversed())
                    .forEach(e -> {
                        long driver = storeDriver.getOrDefault(e.getKey(), 0L);
                        lines.add(String.format(Locale.ROOT, "%s: %.0f%%%s", e.getKey().label(), 100.0 * e.getValue() / total,
                                driver == 0 ? "" : String.format(Locale.ROOT, " (of which in the store's driver: %.0f%%)",
                                        100.0 * driver / total)));
                    });
            lines.add(String.format(Locale.ROOT, "(%,d samples, one per running Java thread every %d ms)", total, PERIOD_MILLIS));
            return lines;
        }
    }

    private final Recording recording;

    private CpuProfile(Recording recording) {
        this.recording = recording;
    }

    /** Starts sampling; an empty profile comes back where JFR is not available. */
    static CpuProfile start() {
        try {
            Recording recording = new Recording();
            recording.enable(SAMPLE).withPeriod(Duration.ofMillis(PERIOD_MILLIS)).withStackTrace();
            recording.setToDisk(true);
            recording.start();
            return new CpuProfile(recording);
        } catch (RuntimeException | LinkageError e) {
            return new CpuProfile(null);
        }
    }

    Profile stop() {
        Map<Part, Long> samples = new LinkedHashMap<>();
        Map<Part, Long> driver = new LinkedHashMap<>();
        if (recording == null) {
            return new Profile(samples, driver);
        }
        Path file = null;
        try {
            recording.stop();
            file = Files.createTempFile("cohort-bench-", ".jfr");
            recording.dump(file);
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    RecordedEvent event = events.readEvent();
                    if (!event.getEventType().getName().equals(SAMPLE) || event.getStackTrace() == null) {
                        continue;
                    }
                    List<String> classes = classes(event.getStackTrace());
                    Part part = classify(classes);
                    samples.merge(part, 1L, Long::sum);
                    if (part != Part.OTHER && inStoreDriver(classes)) {
                        driver.merge(part, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            samples.clear();
        } finally {
            recording.close();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
        return new Profile(samples, driver);
    }

    static Part classify(List<String> classes) {
        for (Part part : Part.values()) {
            if (part != Part.OTHER && part.in(classes)) {
                return part;
            }
        }
        return Part.OTHER;
    }

    static boolean inStoreDriver(List<String> classes) {
        for (String type : classes) {
            for (String prefix : STORE_DRIVER) {
                if (type.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> classes(RecordedStackTrace trace) {
        List<String> classes = new ArrayList<>(trace.getFrames().size());
        for (RecordedFrame frame : trace.getFrames()) {
            if (frame.getMethod() != null && frame.getMethod().getType() != null) {
                classes.add(frame.getMethod().getType().getName());
            }
        }
        return classes;
    }
}

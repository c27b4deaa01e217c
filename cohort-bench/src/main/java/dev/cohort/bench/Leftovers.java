package dev.cohort.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the server benchmark started and must not leave behind — server processes and PostgreSQL
 * databases — for the one case {@code try}/{@code finally} cannot cover: the benchmark itself being
 * stopped (Ctrl-C, SIGTERM). A shutdown hook then kills the processes and drops the databases that are
 * still registered. On the normal path each is closed, and unregistered, where it was opened.
 */
final class Leftovers {
    private static final Set<Object> OPEN = new LinkedHashSet<>();
    private static boolean hooked;

    private Leftovers() {
    }

    static synchronized void register(Process process) {
        hook();
        OPEN.add(process);
    }

    static synchronized void register(BenchDatabase database) {
        hook();
        OPEN.add(database);
    }

    static synchronized void unregister(Object leftover) {
        OPEN.remove(leftover);
    }

    private static void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Leftovers::cleanUp, "cohort-bench-cleanup"));
        }
    }

    private static void cleanUp() {
        List<Object> left;
        synchronized (Leftovers.class) {
            left = new ArrayList<>(OPEN);
        }
        for (Object leftover : left) {
            if (leftover instanceof Process process) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        for (Object leftover : left) {
            if (leftover instanceof BenchDatabase database) {
                try {
                    database.close();
                } catch (RuntimeException e) {
                    System.err.println("could not drop the benchmark's database " + database.name() + ": " + e.getMessage());
                }
            }
        }
    }
}

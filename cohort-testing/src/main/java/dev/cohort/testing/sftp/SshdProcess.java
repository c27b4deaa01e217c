package dev.cohort.testing.sftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One OpenSSH {@code sshd -D -e -f <config>} in the foreground: started, watched until it says it listens,
 * stopped with its children by pid. Its log is drained on a daemon thread and kept (the last lines) to
 * explain a failure.
 */
final class SshdProcess {
    private static final int KEPT_LINES = 50;
    private static final long START_TIMEOUT_SECONDS = 10;

    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<Void> listening = new CompletableFuture<>();

    private SshdProcess(Process process) {
        this.process = process;
    }

    /** Starts sshd and waits until it listens; on failure, throws with sshd's own words. */
    static SshdProcess start(Path sshd, Path config) {
        Process process;
        try {
            process = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", config.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + sshd, e);
        }
        SshdProcess started = new SshdProcess(process);
        Thread.ofPlatform().daemon().name("sshd-log-" + process.pid()).start(started::drainLog);
        started.awaitListening();
        return started;
    }

    long pid() {
        return process.pid();
    }

    /** Whether the failure looks like the port being taken, so that another port may work. */
    static boolean isPortTaken(IllegalStateException failure) {
        return String.valueOf(failure.getMessage()).contains("Address already in use");
    }

    /** Stops sshd and the sessions it forked: SIGTERM, then SIGKILL after a few seconds. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        try {
            listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("sshd did not start listening within " + START_TIMEOUT_SECONDS + " s; it said:\n" + log(), e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sshd to start", e);
        }
    }

    private void drainLog() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                keep(line);
                if (line.startsWith("Server listening on")) {
                    listening.complete(null);
                }
            }
        } catch (IOException e) {
            keep("(reading sshd's log failed: " + e.getMessage() + ")");
        }
        listening.completeExceptionally(new IllegalStateException("sshd exited"));
    }

    private void keep(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
    }

    private String log() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }
}

package dev.cohort.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code cohort server} process on the benchmark's PostgreSQL database, started with
 * {@code --port 0}: its URL is read from what it prints ({@code … at http://127.0.0.1:<port>}); the rest
 * of its output goes to a log file next to its workspace, the last lines kept to explain a failure.
 * {@link #close} stops it as an operator would (SIGTERM: it drains and exits), killing it if it has not
 * exited after 30 s.
 */
final class ServerNode implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");
    private static final int TAIL_LINES = 40;
    private static final long START_SECONDS = 90;

    private final String name;
    private final Process process;
    private final Path log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<String> url = new CompletableFuture<>();
    private int problems;
    private String firstProblem;

    private ServerNode(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code cohort server -w workspace --db-url databaseUrl --port 0 --workers workers
     * --per-destination perDestination} and waits until it listens.
     */
    static ServerNode start(String name, CohortCommand cohort, Path workspace, String databaseUrl, int workers,
                            int perDestination) {
        List<String> command = cohort.commandLine(List.of("server", "-w", workspace.toString(), "--db-url", databaseUrl,
                "--port", "0", "--workers", Integer.toString(workers), "--per-destination", Integer.toString(perDestination),
                "--drain-seconds", "10"));
        Path log = workspace.resolveSibling("node-" + name + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchmarkException("cannot start server node " + name + " (" + command.getFirst() + "): "
                    + e.getMessage(), e);
        }
        Leftovers.register(process);
        ServerNode node = new ServerNode(name, process, log);
        Thread.ofPlatform().daemon().name("node-" + name + "-output").start(node::readOutput);
        try {
            node.url.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.close();
            throw new BenchmarkException("interrupted while server node " + name + " started", e);
        } catch (ExecutionException | TimeoutException e) {
            node.close();
            throw new BenchmarkException("server node " + name + " did not start listening within " + START_SECONDS
                    + " s; its last output:\n" + node.tail(), e);
        }
        return node;
    }

    String name() {
        return name;
    }

    String url() {
        return url.join();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time (user + system) the process has used so far, in {@code /proc} ticks of 1/100 s; -1 once it ended. */
    long cpuTicks() {
        return ThreadCpu.processTicks(process.pid()).orElse(-1);
    }

    /** Fails the benchmark if the process has died, with its last output. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new BenchmarkException("server node " + name + " (pid " + process.pid() + ") exited with code "
                    + process.exitValue() + "; its last output:\n" + tail());
        }
    }

    /** How many warnings and errors the process logged, and the first: {@code no warnings} when none. */
    synchronized String problems() {
        return problems == 0 ? "no warnings or errors" : problems + " warning(s) or error(s), the first: " + firstProblem;
    }

    /** The last lines the process printed. */
    synchronized String tail() {
        return String.join("\n", tail);
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             BufferedWriter file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.write(line);
                file.newLine();
                synchronized (this) {
                    if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                        problems++;
                        firstProblem = firstProblem == null ? line : firstProblem;
                    }
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                Matcher m = URL.matcher(line);
                if (!url.isDone() && m.find()) {
                    url.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process is gone or the log cannot be written: what was read is in the tail
        } finally {
            url.completeExceptionally(new IllegalStateException("server node " + name + " stopped before listening"));
        }
    }

    /** SIGTERM, up to 30 s to drain and exit, then SIGKILL. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            Leftovers.unregister(process);
        }
    }

    @Override
    public String toString() {
        return "node " + name + " (pid " + process.pid() + ")";
    }
}

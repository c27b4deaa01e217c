package dev.cohort.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cohort server} processes for tests that kill one: started with this JVM and class path, their output read
 * until they say where they listen (and drained afterwards), all stopped by {@link #close()}.
 */
final class ServerProcesses implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+)");
    private final List<Process> processes = new ArrayList<>();

    /** Starts {@code cohort server -w workspace --db-url dbUrl --port 0} with {@code options}. */
    Process start(Path workspace, String dbUrl, String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), CohortCli.class.getName(), "server", "-w", workspace.toString(),
                "--db-url", dbUrl, "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return process;
    }

    /** Reads the node's output until it says where it listens; keeps draining it afterwards. */
    static String urlOf(Process node) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuilder seen = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = URL.matcher(line);
                    if (!url.isDone() && m.find()) {
                        url.complete(m.group(1));
                    } else if (!url.isDone()) {
                        seen.append(line).append('\n');
                    }
                }
                url.completeExceptionally(new IllegalStateException("the node stopped before listening:\n" + seen));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        return url.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

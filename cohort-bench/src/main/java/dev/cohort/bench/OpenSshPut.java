package dev.cohort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * OpenSSH's {@code sftp} client putting one file, as a person would from a shell. While it runs, the
 * client's processes ({@code sftp} and the {@code ssh} it starts, which does the encryption) are sampled
 * for their CPU time and peak resident memory. One call at a time.
 */
final class OpenSshPut {
    static final Path SFTP = Path.of("/usr/bin/sftp");
    private static final long SAMPLE_MILLIS = 10;

    /**
     * What the put took.
     *
     * @param elapsed           wall time from starting {@code sftp} to its exit
     * @param cpuSeconds        user and system CPU of {@code sftp} and {@code ssh}, as last sampled
     * @param peakResidentBytes the sum of their peak resident sizes ({@code VmHWM}), as last sampled
     * @param cipher            the cipher {@code ssh} chose for the upload, or "unknown"
     * @param command           the command line
     */
    record Result(Duration elapsed, double cpuSeconds, long peakResidentBytes, String cipher, List<String> command) {}

    private final Map<Long, Long> ticks = new HashMap<>();
    private final Map<Long, Long> peakResident = new HashMap<>();

    private OpenSshPut() {
    }

    /**
     * Puts {@code file} to {@code remotePath} on the SFTP server at 127.0.0.1:{@code port}, logging in as
     * {@code user} with {@code privateKey}; the batch file and the client's log go to {@code workDirectory}.
     *
     * @throws BenchmarkException when {@code sftp} is missing or fails (with the end of its log)
     */
    static Result put(Path file, String remotePath, String user, int port, Path privateKey, Path workDirectory) {
        if (!Files.isExecutable(SFTP)) {
            throw new BenchmarkException(SFTP + " is missing: install OpenSSH's client (apt-get install -y openssh-client)");
        }
        try {
            Path batch = Files.writeString(workDirectory.resolve("put.sftp"), "put \"" + file + "\" " + remotePath + "\n");
            Path log = workDirectory.resolve("sftp.log");
            List<String> command = List.of(SFTP.toString(), "-v", "-b", batch.toString(), "-P", Integer.toString(port),
                    "-i", privateKey.toString(), "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
                    "-o", "UserKnownHostsFile=/dev/null", user + "@127.0.0.1");
            return new OpenSshPut().run(command, log);
        } catch (IOException e) {
            throw new BenchmarkException("cannot run " + SFTP + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while " + SFTP + " was running", e);
        }
    }

    private Result run(List<String> command, Path log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            sample(process.toHandle());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new BenchmarkException(SFTP + " exited with " + process.exitValue() + "; the end of its log (" + log + "):\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
        }
        double cpu = ticks.values().stream().mapToLong(Long::longValue).sum() / ThreadCpu.TICKS_PER_SECOND;
        long resident = peakResident.values().stream().mapToLong(Long::longValue).sum();
        return new Result(elapsed, cpu, resident, cipher(lines), command);
    }

    private void sample(ProcessHandle client) {
        try (Stream<ProcessHandle> processes = Stream.concat(Stream.of(client), client.descendants())) {
            processes.forEach(process -> {
                long pid = process.pid();
                ThreadCpu.processTicks(pid).ifPresent(used -> ticks.put(pid, used));
                ProcStatus.peakResidentBytes(pid).ifPresent(bytes -> peakResident.merge(pid, bytes, Math::max));
            });
        }
    }

    /** From {@code ssh -v}'s line {@code debug1: kex: client->server cipher: aes128-ctr MAC: … compression: none}. */
    static String cipher(List<String> log) {
        String marker = "client->server cipher: ";
        return log.stream().filter(line -> line.contains(marker)).findFirst()
                .map(line -> line.substring(line.indexOf(marker) + marker.length()).split(" ")[0]).orElse("unknown");
    }
}

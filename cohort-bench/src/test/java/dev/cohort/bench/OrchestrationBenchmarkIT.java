package dev.cohort.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's own plumbing at a tiny size: its workspace applies, all three phases run and agree. */
class OrchestrationBenchmarkIT {
    @Test
    void deliversTheFileDuckDbWritesAloneAndReportsTheRatio(@TempDir Path directory) {
        assumeTrue(Files.isExecutable(OpenSshPut.SFTP), "needs OpenSSH's sftp client");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        OrchestrationBenchmark.run(BenchmarkOptions.parse("--rows", "2000", "--dir", directory.toString(), "--rounds", "2"),
                new PrintStream(output, true, UTF_8));

        assertThat(output.toString(UTF_8)).contains(
                "(a) DuckDB COPY to a.csv: 2,000 rows",
                "(b) OpenSSH sftp put a.csv: 2,000 rows",
                "(c) Cohort run: query, template, CSV, SFTP: 2,000 rows",
                "ratio c / max(a, b) = ",
                "(a)'s a.csv and the file (c) delivered: identical, SHA-256 ",
                "(b)'s upload: complete",
                "(a) DuckDB COPY to a.csv (round 2): 2,000 rows",
                "(c) the same run again, JIT warm (as in a long-running server) (round 2): 2,000 rows",
                "ratio of the medians over 2 rounds: c / max(a, b) = ");
        assertThat(directory).isEmptyDirectory();
    }
}

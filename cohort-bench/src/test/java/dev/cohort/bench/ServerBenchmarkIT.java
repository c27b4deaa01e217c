package dev.cohort.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server benchmark's own plumbing at a tiny size, with real {@code cohort server} processes (from
 * {@code cohort-cli/target/cohort/lib}) on the local PostgreSQL and a partner 20 ms away: every phase runs,
 * both nodes take runs, and nothing is left behind — no files, no process, no database.
 */
class ServerBenchmarkIT {
    @Test
    void measuresOneNodeTwoNodesAndTheApiThenCleansUp(@TempDir Path directory) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ServerBenchmarkOptions options = ServerBenchmarkOptions.parse("--runs", "12", "--warmup-runs", "0",
                "--orchestrations", "4", "--destinations", "2", "--rows", "5", "--partner-latency-ms", "20", "--clients", "4",
                "--latency-seconds", "1",
                "--dir", directory.toString());

        ServerBenchmark.run(options, new PrintStream(output, true, UTF_8));

        assertThat(output.toString(UTF_8)).contains(
                "partner latency: 20 ms (--partner-latency-ms 20",
                "(1) one node: 12 runs in ",
                "(2) two nodes: 12 runs in ",
                "phase one-node: all 12 files delivered, 5 rows each",
                "phase two-nodes: all 12 files delivered, 5 rows each",
                "ratio two nodes / one node = ",
                "| (2) two nodes | 2 × 4 | 12 |",
                "| `GET /api/v1/runs?limit=50` | 4 |",
                "| `GET /api/v1/runs/{id}` | 4 |");
        assertThat(output.toString(UTF_8)).containsPattern("share of the runs in \\(2\\): a \\d+ \\(\\d+%\\), b \\d+");
        assertThat(directory).isEmptyDirectory();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isZero();
        try (Connection connection = DriverManager.getConnection(options.postgresUrl()); Statement statement = connection.createStatement();
             ResultSet left = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'cohort_bench_%'")) {
            left.next();
            assertThat(left.getLong(1)).as("databases left behind").isZero();
        }
    }
}

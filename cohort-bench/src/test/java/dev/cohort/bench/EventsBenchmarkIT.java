package dev.cohort.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events benchmark's own plumbing at a tiny size (not timed), on SQLite and on the local PostgreSQL: AIR's
 * notifications and the paced posts all reach Braze exactly once through a Cohort server, the table has both stores,
 * and nothing is left behind — no files, no database.
 */
class EventsBenchmarkIT {
    private static final Pattern DATABASE = Pattern.compile("database (cohort_bench_[0-9a-f]+)");

    @Test
    void deliversEveryEventOnceOnBothStoresAndCleansUp(@TempDir Path directory) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        EventsBenchmarkOptions options = EventsBenchmarkOptions.parse("--events", "300", "--wallets", "40", "--senders", "4",
                "--warmup", "40", "--rate", "50", "--latency-seconds", "2", "--dir", directory.toString());

        EventsBenchmark.run(options, new PrintStream(output, true, UTF_8));

        String printed = output.toString(UTF_8);
        assertThat(printed).contains(
                "== SQLite ==", "== PostgreSQL ==",
                "warm-up: 40 events accepted in ",
                "(1) throughput: 300 events emitted in ",
                "at Braze: 300 events for 40 users, 300 distinct ids, 0 duplicates, 0 missing;",
                "(2) accept latency: 100 posts of AIR envelopes (",
                "at Braze: 100 events for 40 users, 100 distinct ids, 0 duplicates, 0 missing;",
                "this JVM's Java code by part (JFR samples):",
                "| | SQLite | PostgreSQL |",
                "| (1) at Braze: received / distinct / duplicates / missing | 300 / 300 / 0 / 0 | 300 / 300 / 0 / 0 |",
                "| (2) at Braze: received / distinct / duplicates / missing | 100 / 100 / 0 / 0 | 100 / 100 / 0 / 0 |",
                "(0) PostgreSQL alone: 300 events stored and marked delivered in groups of 64 from 4 connections in ",
                "(0) HTTP alone: AIR's senders posted 300 notifications to an endpoint that only reads each and answers 200, in ",
                "goal: at least 5,000 events/s delivered end to end on PostgreSQL: ");
        assertThat(printed).containsPattern("\\| \\(0\\) baseline, PostgreSQL alone: events/s stored and marked delivered"
                + " \\(groups of 64, 4 connections\\) \\| — \\| [\\d,]+ \\|");
        assertThat(printed).containsPattern("\\| goal: ≥ 5,000 events/s delivered on PostgreSQL \\| — \\| (met|\\*\\*not met\\*\\*) \\|");
        // in each phase of each store: every Braze request taken, every AIR post answered 200 at once
        assertThat(Pattern.compile("requests \\([\\d.]+ events each\\), 0 not 201; AIR: 0 failed posts\n").matcher(printed)
                .results().count()).isEqualTo(4);
        assertThat(directory).isEmptyDirectory();
        Matcher database = DATABASE.matcher(printed);
        assertThat(database.find()).as("the database's name in the output").isTrue();
        try (Connection connection = DriverManager.getConnection(options.postgresUrl());
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database.group(1));
            try (ResultSet left = statement.executeQuery()) {
                left.next();
                assertThat(left.getLong(1)).as("database " + database.group(1) + " left behind").isZero();
            }
        }
    }
}

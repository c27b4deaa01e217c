package dev.cohort.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * The warehouse benchmark's own plumbing at a tiny size (not timed), on the local PostgreSQL: the
 * workspace applies, psql and Cohort's run both fill their tables with the same rows, and nothing is left
 * behind — no files, no database.
 */
class WarehouseBenchmarkIT {
    private static final Pattern DATABASE = Pattern.compile("database: \\S+@\\S+/(cohort_bench_[0-9a-f]+)");

    @Test
    void loadsTheSameRowsWithPsqlAndWithCohortThenCleansUp(@TempDir Path directory) throws Exception {
        assumeTrue(psqlAvailable(), "needs PostgreSQL's psql client");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        WarehouseBenchmarkOptions options = WarehouseBenchmarkOptions.parse("--rows", "2000", "--dir", directory.toString());

        WarehouseBenchmark.run(options, new PrintStream(output, true, UTF_8));

        String printed = output.toString(UTF_8);
        assertThat(printed).contains(
                "(a) psql \\copy export.csv: 2,000 rows",
                "(b) Cohort run: query, warehouse-table (replace): 2,000 rows",
                "(b) the same run again, JIT warm, replacing its table: 2,000 rows",
                "| (a) psql \\copy export.csv | 2,000 |",
                "ratio b / a = Cohort / psql \\copy = ",
                "rows: Cohort's table warehouse_customers 2,000, psql's table psql_customers 2,000: the same",
                "values, row by row (joined on customer_id): identical in every column");
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

    private static boolean psqlAvailable() {
        try {
            return new ProcessBuilder(PsqlCopy.PSQL, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

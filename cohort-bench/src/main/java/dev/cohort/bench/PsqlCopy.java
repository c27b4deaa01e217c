package dev.cohort.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own client loading a CSV file into a table, as a person would from a shell:
 * {@code psql -h HOST -p PORT -U USER -d DATABASE -v ON_ERROR_STOP=1 -c "\copy TABLE FROM 'FILE' WITH (FORMAT csv,
 * HEADER true)"}. The password, if any, goes in {@code PGPASSWORD}, never on the command line.
 */
final class PsqlCopy {
    static final String PSQL = "psql";
    private static final Pattern COPIED = Pattern.compile("^COPY (\\d+)$", Pattern.MULTILINE);

    /**
     * What the copy took.
     *
     * @param elapsed wall time from starting {@code psql} to its exit
     * @param rows    the rows {@code psql} reported copied ({@code COPY N})
     * @param command the command line
     */
    record Result(Duration elapsed, long rows, List<String> command) {}

    private PsqlCopy() {
    }

    /** The {@code \copy} meta-command loading {@code file} (a CSV with a header line) into {@code table}. */
    static String copyCommand(String table, Path file) {
        return "\\copy " + table + " FROM '" + file.toAbsolutePath().toString().replace("'", "''")
                + "' WITH (FORMAT csv, HEADER true)";
    }

    /**
     * Loads {@code file} into {@code table} of the database {@code login} names; {@code psql}'s output goes to
     * {@code log}.
     *
     * @throws BenchmarkException when {@code psql} is missing or fails (with its output)
     */
    static Result copy(PostgresLogin login, String table, Path file, Path log) {
        List<String> command = List.of(PSQL, "-h", login.host(), "-p", Integer.toString(login.port()), "-U", login.user(),
                "-d", login.database(), "-X", "-v", "ON_ERROR_STOP=1", "-c", copyCommand(table, file));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("PGPASSWORD");
        login.password().ifPresent(password -> environment.put("PGPASSWORD", password));
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            int exit = process.waitFor();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            Optional<Long> rows = copied(output);
            if (exit != 0 || rows.isEmpty()) {
                throw new BenchmarkException("psql exited with " + exit + " loading " + file.getFileName() + " into " + table
                        + "; its output:\n  " + output.replace("\n", "\n  "));
            }
            return new Result(elapsed, rows.get(), command);
        } catch (IOException e) {
            throw new BenchmarkException("cannot run psql (" + e.getMessage() + "): install PostgreSQL's client"
                    + " (apt-get install -y postgresql-client) or put psql on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted while psql was running", e);
        }
    }

    /** The row count of {@code psql}'s {@code COPY 1000000} line. */
    static Optional<Long> copied(String output) {
        Matcher m = COPIED.matcher(output);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}

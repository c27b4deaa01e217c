package dev.cohort.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Whether two CSV files hold the same rows: byte for byte (the SHA-256 of both), and when they differ,
 * how many rows each has that the other lacks (DuckDB's {@code EXCEPT ALL}, which ignores row order and
 * quoting). Only counts are reported, never a value.
 */
final class FileComparison {
    /**
     * The outcome.
     *
     * @param identical   the files are equal byte for byte
     * @param description one line for the report
     */
    record Outcome(boolean identical, String description) {}

    private FileComparison() {
    }

    static Outcome compare(Path first, Path second) {
        String firstHash = sha256(first);
        String secondHash = sha256(second);
        if (firstHash.equals(secondHash)) {
            return new Outcome(true, "identical, SHA-256 " + firstHash);
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            long onlyFirst = count(statement, exceptAll(first, second));
            long onlySecond = count(statement, exceptAll(second, first));
            String rows = onlyFirst == 0 && onlySecond == 0 ? "the same rows, in another order or CSV quoting"
                    : onlyFirst + " rows only in " + first.getFileName() + ", " + onlySecond + " only in " + second.getFileName();
            return new Outcome(false, "different bytes (SHA-256 " + firstHash + " and " + secondHash + "); " + rows);
        } catch (SQLException e) {
            return new Outcome(false, "different bytes (SHA-256 " + firstHash + " and " + secondHash
                    + "); DuckDB could not compare their rows: " + e.getMessage());
        }
    }

    static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BenchmarkException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String exceptAll(Path from, Path without) {
        return "SELECT count(*) FROM (SELECT * FROM " + csv(from) + " EXCEPT ALL SELECT * FROM " + csv(without) + ")";
    }

    private static String csv(Path file) {
        return "read_csv('" + file.toString().replace("'", "''") + "', all_varchar = true)";
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

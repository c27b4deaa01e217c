package dev.cohort.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database of the benchmark's own, {@code cohort_bench_<random>}, created on the server
 * that {@code serverUrl} names and dropped (with any connection still open to it) by {@link #close}.
 * Each throughput phase gets a fresh one, so that neither starts with the other's runs.
 */
final class BenchDatabase implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*|(//[^/:@]*:)[^/@]*@");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String serverUrl;
    private final String name;
    private final String jdbcUrl;
    private boolean dropped;

    private BenchDatabase(String serverUrl, String name, String jdbcUrl) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
    }

    /** Creates a new empty database next to the one {@code serverUrl} names. */
    static BenchDatabase create(String serverUrl) {
        Matcher parts = URL.matcher(serverUrl);
        if (!parts.matches()) {
            throw new BenchmarkException("the PostgreSQL URL must look like " + ServerBenchmarkOptions.DEFAULT_POSTGRES_URL
                    + ", not " + masked(serverUrl));
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String name = "cohort_bench_" + HexFormat.of().formatHex(random);
        execute(serverUrl, "CREATE DATABASE " + name);
        BenchDatabase database = new BenchDatabase(serverUrl, name, parts.group(1) + name
                + (parts.group(3) == null ? "" : parts.group(3)));
        Leftovers.register(database);
        return database;
    }

    String name() {
        return name;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /** The server's version line, e.g. {@code PostgreSQL 15.20 …}, shortened to its first two words. */
    static String serverVersion(String serverUrl) {
        try (Connection connection = DriverManager.getConnection(serverUrl, timeout());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return "PostgreSQL " + result.getString(1);
        } catch (SQLException e) {
            throw unreachable(serverUrl, "SHOW server_version", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!dropped) {
            dropped = true;
            Leftovers.unregister(this);
            execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void execute(String serverUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, timeout());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unreachable(serverUrl, sql, e);
        }
    }

    private static Properties timeout() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        return properties;
    }

    private static BenchmarkException unreachable(String serverUrl, String sql, SQLException e) {
        return new BenchmarkException("the PostgreSQL server " + masked(serverUrl) + " refused `" + sql + "`: "
                + e.getMessage() + ". The server benchmark needs PostgreSQL with a user who may create databases: start it"
                + " (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or give another with --pg-url"
                + " or $" + ServerBenchmarkOptions.POSTGRES_URL_VARIABLE + ".", e);
    }

    static String masked(String url) {
        return PASSWORD.matcher(url).replaceAll(match ->
                Matcher.quoteReplacement(match.group(1) != null ? match.group(1) + "****" : match.group(2) + "****@"));
    }

    @Override
    public String toString() {
        return name;
    }
}

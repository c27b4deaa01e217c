package dev.cohort.testing.postgres;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server tests use, named by a JDBC URL of a database there that the test user may
 * connect to and create databases from: {@value #URL_PROPERTY} (system property) or
 * {@value #URL_VARIABLE} (environment), else {@value #DEFAULT_URL}.
 */
final class PostgresTestServer {
    static final String URL_VARIABLE = "COHORT_TEST_PG_URL";
    static final String URL_PROPERTY = "cohort.test.pg.url";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*|(//[^/:@]*:)[^/@]*@");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String url;
    private final Matcher parts;

    private PostgresTestServer(String url) {
        this.url = url;
        this.parts = URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like " + DEFAULT_URL + ", not " + masked(url));
        }
    }

    static PostgresTestServer fromEnvironment() {
        String configured = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        return new PostgresTestServer(configured == null || configured.isBlank() ? DEFAULT_URL : configured.strip());
    }

    /** A new, uniquely named, empty database. */
    String createDatabase() {
        String name = "cohort_test_" + HexFormat.of().formatHex(randomBytes());
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops {@code name}, closing any connection a test left open to it. */
    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The URL of database {@code name} on this server, with this server's parameters (user, password). */
    String urlOf(String name) {
        return parts.group(1) + name + (parts.group(3) == null ? "" : parts.group(3));
    }

    private void execute(String sql) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String reason = String.valueOf(e.getMessage()).replaceFirst("\\.$", "");
            throw new IllegalStateException("The PostgreSQL server for tests, " + masked(url) + ", refused `" + sql
                    + "`: " + reason + ". Tests that need PostgreSQL fail without it: start it (CI does; "
                    + "locally: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or point "
                    + URL_VARIABLE + " at one where this user may create databases.", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String masked(String url) {
        return PASSWORD.matcher(url).replaceAll(match ->
                Matcher.quoteReplacement(match.group(1) != null ? match.group(1) + "****" : match.group(2) + "****@"));
    }
}

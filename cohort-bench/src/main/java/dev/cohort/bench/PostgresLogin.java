package dev.cohort.bench;

import java.util.Optional;
import java.util.Properties;

/**
 * Where and as whom to reach one PostgreSQL database, split out of a JDBC URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/cohort_bench_1a2b?user=postgres}: the warehouse benchmark gives
 * Cohort the URL without the user (a {@code warehouse-table} destination refuses a URL holding one: the
 * user goes in the credential) and {@code psql} the same parts as options. {@link #toString()} never shows
 * the password.
 *
 * @param host     the host (the first, if the URL names several)
 * @param port     the port
 * @param database the database's name
 * @param user     the user to log in as
 * @param password the password, when the URL has one
 */
record PostgresLogin(String host, int port, String database, String user, Optional<String> password) {
    /** Reads a {@code jdbc:postgresql:} URL as PostgreSQL's driver does; throws {@link BenchmarkException} when it cannot. */
    static PostgresLogin of(String jdbcUrl) {
        Properties parts = org.postgresql.Driver.parseURL(jdbcUrl, new Properties());
        if (parts == null || parts.getProperty("PGDBNAME", "").isEmpty()) {
            throw new BenchmarkException("the PostgreSQL URL " + BenchDatabase.masked(jdbcUrl) + " is not one PostgreSQL's"
                    + " driver understands: give one like " + ServerBenchmarkOptions.DEFAULT_POSTGRES_URL);
        }
        String user = parts.getProperty("user", System.getProperty("user.name"));
        return new PostgresLogin(parts.getProperty("PGHOST", "localhost").split(",")[0],
                Integer.parseInt(parts.getProperty("PGPORT", "5432").split(",")[0]), parts.getProperty("PGDBNAME"), user,
                Optional.ofNullable(parts.getProperty("password")));
    }

    /** The URL a {@code warehouse-table} destination takes: no user, no password. */
    String destinationUrl() {
        String address = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + address + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database + (password.isPresent() ? " (with a password)" : "");
    }
}

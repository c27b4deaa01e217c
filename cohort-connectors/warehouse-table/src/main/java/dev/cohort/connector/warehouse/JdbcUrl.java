package dev.cohort.connector.warehouse;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code jdbc_url} of a warehouse destination: which database to write to, never who logs in. A URL
 * carrying a password or a user name is refused — those belong in the credential, which is sealed, while
 * settings are stored and shown in plain text. Only the PostgreSQL driver ships with Cohort; another
 * database works once its driver's jar is on the class path.
 *
 * @param value the URL as written ({@code jdbc:postgresql://db.example:5432/analytics})
 */
public record JdbcUrl(String value) {
    /** What a setting's problem shows as a correct example. */
    static final String EXAMPLE = "jdbc:postgresql://db.example.com:5432/analytics";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|pwd)\\s*=");
    private static final Pattern USER = Pattern.compile("(?i)[?&;:](user|username|uid)\\s*=");
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#;]*@");
    private static final Pattern PARAMETERS = Pattern.compile("[?;].*$", Pattern.DOTALL);

    public JdbcUrl {
        Objects.requireNonNull(value, "value");
    }

    /**
     * What is wrong with {@code text} as a {@code jdbc_url}, each problem a sentence with its fix; empty
     * when it can be used. Never repeats the URL, which may hold the password it refuses.
     */
    static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        if (!text.regionMatches(true, 0, "jdbc:", 0, 5) || text.length() < 8) {
            problems.add("must be a JDBC URL starting with jdbc:, such as " + EXAMPLE);
            return problems;
        }
        if (PASSWORD.matcher(text).find()) {
            problems.add("must not hold a password (password=…): remove it and put it in the credential's password, which is kept"
                    + " sealed (settings are stored and shown in plain text)");
        }
        if (USER.matcher(text).find() || USER_INFO.matcher(text).find()) {
            problems.add("must not hold the user name (user=… or user@host): remove it and put it in the credential's username");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        JdbcUrl url = new JdbcUrl(text);
        if (url.isPostgres() && url.postgresParts().isEmpty()) {
            problems.add("is not a PostgreSQL URL the driver understands: expected jdbc:postgresql://host:port/database, such as " + EXAMPLE);
        } else if (!url.hasDriver()) {
            problems.add("no JDBC driver on Cohort's class path takes " + url.scheme() + " URLs: Cohort ships only the PostgreSQL driver"
                    + " (" + EXAMPLE + "); for another database, add its JDBC driver's jar to Cohort's lib folder");
        }
        return problems;
    }

    /** Whether this is a PostgreSQL URL ({@code jdbc:postgresql:}): COPY and PostgreSQL's catalog are used. */
    public boolean isPostgres() {
        return value.regionMatches(true, 0, "jdbc:postgresql:", 0, 16);
    }

    /** {@code jdbc:postgresql:}, {@code jdbc:mysql:}: for messages. */
    public String scheme() {
        int second = value.indexOf(':', 5);
        return (second < 0 ? value : value.substring(0, second + 1)).toLowerCase(Locale.ROOT);
    }

    /** The URL without its parameters, for messages and logs: {@code postgresql://db.example.com:5432/analytics}. */
    public String describe() {
        Optional<PostgresParts> parts = isPostgres() ? postgresParts() : Optional.empty();
        if (parts.isPresent()) {
            return "postgresql://" + parts.get().hostsAndPorts() + "/" + parts.get().database();
        }
        return PARAMETERS.matcher(value.substring(5)).replaceFirst("");
    }

    /** Host(s), port(s) and database of a PostgreSQL URL, as its driver reads them; empty when it cannot. */
    Optional<PostgresParts> postgresParts() {
        Properties properties = org.postgresql.Driver.parseURL(value, new Properties());
        if (properties == null) {
            return Optional.empty();
        }
        String hosts = properties.getProperty("PGHOST", "localhost");
        String ports = properties.getProperty("PGPORT", "5432");
        return Optional.of(new PostgresParts(List.of(hosts.split(",")), List.of(ports.split(",")),
                properties.getProperty("PGDBNAME", "")));
    }

    private boolean hasDriver() {
        try {
            return DriverManager.getDriver(value) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * A PostgreSQL URL's parts.
     *
     * @param hosts    the host names, in order (several for fail-over)
     * @param ports    their ports, in the same order
     * @param database the database's name
     */
    record PostgresParts(List<String> hosts, List<String> ports, String database) {
        String hostsAndPorts() {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                String host = hosts.get(i).contains(":") ? "[" + hosts.get(i) + "]" : hosts.get(i);
                pairs.add(host + ":" + (i < ports.size() ? ports.get(i) : ports.get(ports.size() - 1)));
            }
            return String.join(",", pairs);
        }
    }
}

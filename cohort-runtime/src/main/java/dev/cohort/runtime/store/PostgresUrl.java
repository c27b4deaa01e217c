package dev.cohort.runtime.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code jdbc:postgresql://[user[:password]@]host[:port][,host2[:port]…]/database[?key=value&…]} URL,
 * taken apart so that the credentials travel as connection properties and never as part of a URL that
 * a driver, pool or migration tool might print.
 *
 * @param hosts      {@code host:port[,host:port…]} as written, the port defaulted to 5432
 * @param database   the database name
 * @param user       from {@code user@} or {@code ?user=}; empty when absent (the driver then uses the OS user)
 * @param password   from {@code user:password@} or {@code ?password=}; never shown
 * @param parameters the other {@code key=value} parameters, as written
 */
record PostgresUrl(String hosts, String database, Optional<String> user, Optional<String> password,
                   List<String> parameters) {
    static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    static PostgresUrl parse(String url) {
        try {
            return parseChecked(url);
        } catch (IllegalArgumentException e) {
            throw badUrl(url, "it holds an invalid %-escape");
        }
    }

    private static PostgresUrl parseChecked(String url) {
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String authorityAndPath = query < 0 ? rest : rest.substring(0, query);
        int slash = authorityAndPath.indexOf('/');
        if (slash < 0 || slash == authorityAndPath.length() - 1) {
            throw badUrl(url, "it names no database");
        }
        String authority = authorityAndPath.substring(0, slash);
        String database = decode(authorityAndPath.substring(slash + 1));

        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = nonEmpty(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        if (authority.isEmpty()) {
            throw badUrl(url, "it names no host");
        }

        List<String> parameters = new ArrayList<>();
        if (query >= 0) {
            for (String parameter : rest.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                String key = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
                switch (key) {
                    case "" -> { }
                    case "user" -> user = nonEmpty(value);
                    case "password" -> password = Optional.of(value);
                    default -> parameters.add(parameter);
                }
            }
        }
        return new PostgresUrl(withDefaultPorts(authority), database, user, password, List.copyOf(parameters));
    }

    /** The URL the driver gets: no user, no password. */
    String jdbcUrlWithoutCredentials() {
        String base = PREFIX + hosts + "/" + database;
        return parameters.isEmpty() ? base : base + "?" + String.join("&", parameters);
    }

    /** {@code host:port} for messages. */
    String location() {
        return hosts;
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + hosts + "/" + database + user.map(u -> " as " + u).orElse("") + "]";
    }

    private static String withDefaultPorts(String authority) {
        List<String> hosts = new ArrayList<>();
        for (String host : authority.split(",")) {
            boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
            hosts.add(hasPort ? host : host + ":" + DEFAULT_PORT);
        }
        return String.join(",", hosts);
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static StoreException badUrl(String url, String problem) {
        return new StoreException(StoreException.BAD_URL, "The metadata store URL " + UrlRedaction.redact(url)
                + " is not usable: " + problem + ". Write it as " + MetadataStores.POSTGRESQL_FORM + ".");
    }
}

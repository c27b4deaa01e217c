package dev.cohort.server.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person or program may do, as in the reference documents; each role includes the ones before it.
 * Every API route declares the least role it needs.
 */
public enum Role implements RouteRole {
    /** Reads everything but secrets, and sends test runs. */
    USER,
    /** Also manages queries, data templates and orchestrations, and runs orchestrations. */
    OPERATOR,
    /** Also manages credentials, destinations, tokens and users. */
    ADMINISTRATOR;

    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The role named {@code name} (any case), if there is one. */
    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}

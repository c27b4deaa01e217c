package dev.cohort.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for the names of workspace objects. */
public final class Names {
    /** Table and column names: plain SQL identifiers, so they need no quoting in user SQL. */
    public static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** Queries, templates, credentials, destinations, orchestrations: usable on a command line. */
    public static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private Names() {}

    /** Why {@code name} is not a valid table name, or empty when it is. */
    public static Optional<String> checkTableName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("a name is required");
        }
        if (!TABLE.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a valid table name: use letters, digits and _,"
                    + " starting with a letter or _, at most 63 characters (for example customer_360)");
        }
        return Optional.empty();
    }

    /** Why {@code name} is not a valid object name, or empty when it is. */
    public static Optional<String> checkObjectName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("a name is required");
        }
        if (!OBJECT.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a valid name: use letters, digits, '_', '-' and '.',"
                    + " starting with a letter or digit, at most 63 characters (for example birthday-members)");
        }
        return Optional.empty();
    }

    /** Table names are compared case-insensitively, as SQL engines do. */
    public static String tableKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

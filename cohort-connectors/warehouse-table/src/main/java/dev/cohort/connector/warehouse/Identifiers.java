package dev.cohort.connector.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Names of schemas, tables and columns: checked, quoted and shortened the same way everywhere. Names are
 * always quoted in SQL, so they are used exactly as given: case, spaces and dashes are kept.
 */
final class Identifiers {
    private Identifiers() {}

    /** What is wrong with {@code name} as a name of any database, or empty; {@code what} is "schema", "table name", …. */
    static Optional<String> problem(String name, String what) {
        if (name.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the " + what + " must not hold control characters (line breaks, tabs, NUL)");
        }
        return Optional.empty();
    }

    /** {@code name} in the database's identifier quotes, with quotes inside doubled; unquoted when the database has none. */
    static String quote(String name, String quote) {
        if (quote == null || quote.isBlank()) {
            return name;
        }
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /** The length of {@code name} in UTF-8 bytes: how PostgreSQL measures a name (at most 63). */
    static int utf8Length(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest start of {@code name} that fits {@code maxBytes} in UTF-8, never splitting a character. */
    static String truncate(String name, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }
}

package dev.cohort.engine.duckdb;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's error messages into messages fit to show a user.
 *
 * <p>DuckDB starts each message with its error type ({@code Catalog Error: …}). Messages of the types
 * that only talk about the query (catalog, binder, parser) are kept whole: they name tables and
 * columns and point into the query text, which is what the user needs. Every other type may quote
 * a value from the data ({@code Could not convert string 'jane@x.com' to INT32}, or a CSV error that
 * repeats the whole line), so only its first line is kept and the values in it are replaced by
 * {@value #HIDDEN}.
 */
final class EngineMessages {
    static final String HIDDEN = "…";

    /** Error types whose messages name only identifiers, types, paths and the query text. */
    private static final Set<String> QUERY_ERROR_TYPES = Set.of(
            "catalog error", "binder error", "parser error", "syntax error", "not implemented error",
            "permission error", "dependency error", "transaction error", "io error");

    private static final Pattern JDBC_PREFIX = Pattern.compile("^(?:java\\.sql\\.SQLException: |Error: )+");
    private static final Pattern ERROR_TYPE = Pattern.compile("^([A-Za-z][A-Za-z ]{0,40}? Error): ");
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:[^\"]|\"\")*\"");
    private static final Pattern WITH_VALUE = Pattern.compile("(with value )\\S+");
    private static final Pattern OVERFLOW_OPERANDS = Pattern.compile("(Overflow in [^(]*\\()[^)]*(\\))");

    private EngineMessages() {}

    /** The message DuckDB gave, without driver prefixes, and with data values hidden where they can occur. */
    static String fromDuckDb(String raw) {
        if (raw == null || raw.isBlank()) {
            return "DuckDB failed without a message";
        }
        String message = JDBC_PREFIX.matcher(raw.strip()).replaceFirst("");
        return mayQuoteData(message) ? redact(firstLine(message)) : message.strip();
    }

    /** DuckDB's error type ({@code Conversion Error}), or an empty string when the message has none. */
    static String errorType(String message) {
        Matcher matcher = ERROR_TYPE.matcher(JDBC_PREFIX.matcher(message.strip()).replaceFirst(""));
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Whether a message of this kind may contain a value from the data. */
    static boolean mayQuoteData(String message) {
        return !QUERY_ERROR_TYPES.contains(errorType(message).toLowerCase(Locale.ROOT));
    }

    /** Replaces quoted text and the other places DuckDB prints values with {@value #HIDDEN}. */
    static String redact(String line) {
        String result = SINGLE_QUOTED.matcher(line).replaceAll("'" + HIDDEN + "'");
        result = DOUBLE_QUOTED.matcher(result).replaceAll("\"" + HIDDEN + "\"");
        result = WITH_VALUE.matcher(result).replaceAll("$1" + HIDDEN);
        return OVERFLOW_OPERANDS.matcher(result).replaceAll("$1" + HIDDEN + "$2").strip();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}

package dev.cohort.connector.warehouse;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column type a new table gets for a field, from the field's type as Cohort's engine (DuckDB) names it.
 * On PostgreSQL every type whose text form PostgreSQL reads back exactly has its counterpart (the rows travel
 * as text through {@code COPY}); anything else — lists, structs, maps, blobs, unknown types — is {@code text},
 * which holds every value exactly. On other databases, whose drivers take the values as bound strings, every
 * column is {@code VARCHAR(4000)}.
 */
final class ColumnTypes {
    private static final Pattern DECIMAL = Pattern.compile("(?:DECIMAL|NUMERIC)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
    private static final Map<String, String> POSTGRES = Map.ofEntries(
            Map.entry("VARCHAR", "text"),
            Map.entry("BOOLEAN", "boolean"),
            Map.entry("TINYINT", "smallint"),
            Map.entry("SMALLINT", "smallint"),
            Map.entry("INTEGER", "integer"),
            Map.entry("BIGINT", "bigint"),
            Map.entry("HUGEINT", "numeric(39,0)"),
            Map.entry("UTINYINT", "smallint"),
            Map.entry("USMALLINT", "integer"),
            Map.entry("UINTEGER", "bigint"),
            Map.entry("UBIGINT", "numeric(20,0)"),
            Map.entry("UHUGEINT", "numeric(39,0)"),
            Map.entry("FLOAT", "real"),
            Map.entry("DOUBLE", "double precision"),
            Map.entry("DATE", "date"),
            Map.entry("TIME", "time"),
            Map.entry("TIMESTAMP", "timestamp"),
            Map.entry("TIMESTAMP_S", "timestamp"),
            Map.entry("TIMESTAMP_MS", "timestamp"),
            Map.entry("TIMESTAMP_NS", "timestamp"),
            Map.entry("TIMESTAMP WITH TIME ZONE", "timestamptz"),
            Map.entry("UUID", "uuid"),
            Map.entry("INTERVAL", "interval"));

    private ColumnTypes() {}

    /** The column type for a field of engine type {@code engineType} on this database. */
    static String of(String engineType, boolean postgres) {
        if (!postgres) {
            return "VARCHAR(4000)";
        }
        String type = engineType == null ? "VARCHAR" : engineType.strip().toUpperCase(Locale.ROOT);
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return "numeric(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        return POSTGRES.getOrDefault(type, "text");
    }
}

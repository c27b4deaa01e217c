package dev.cohort.engine.duckdb;

/** Quoting for DuckDB SQL text. DuckDB strings have no backslash escapes, so doubling is enough. */
final class DuckDbSql {
    private DuckDbSql() {}

    /** {@code "name"}, with {@code "} doubled. DuckDB matches quoted identifiers case-insensitively. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code 'text'}, with {@code '} doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

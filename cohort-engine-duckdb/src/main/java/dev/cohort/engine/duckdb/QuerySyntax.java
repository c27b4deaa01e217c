package dev.cohort.engine.duckdb;

import dev.cohort.engine.EngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a query with DuckDB's own parser ({@code json_serialize_sql}), without binding or running it,
 * and insists that it is exactly one SELECT statement ({@code WITH …}, {@code FROM …} and set operations
 * included).
 *
 * <p>This check must come before a query reaches the JDBC driver: given several statements, DuckDB's
 * driver runs all but the last one while preparing.
 */
final class QuerySyntax {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([A-Za-z]+)");

    private QuerySyntax() {}

    /** The syntax tree of {@code sql}'s only statement; fails with {@link EngineException#SQL_ERROR} otherwise. */
    static JsonNode requireSingleSelect(Connection connection, String sql) throws SQLException {
        if (sql == null || sql.isBlank()) {
            throw sqlError("The query is empty: write one SELECT statement.");
        }
        JsonNode tree = serialize(connection, sql);
        if (tree.path("error").asBoolean(false)) {
            throw sqlError(describeError(tree, sql));
        }
        JsonNode statements = tree.path("statements");
        if (statements.size() == 0) {
            throw sqlError("The query is empty (only comments or ';'): write one SELECT statement.");
        }
        if (statements.size() > 1) {
            throw sqlError("The query has " + statements.size() + " statements; only one SELECT statement is allowed."
                    + " Remove the others (and the ';' between them).");
        }
        JsonNode statement = statements.get(0);
        requireOnlyAllowedTableFunctions(statement);
        return statement;
    }

    /**
     * Table functions that only make rows ({@code range}, {@code generate_series}, {@code unnest}); every other
     * one reads files or other systems ({@code read_csv('/etc/passwd')}, {@code read_parquet('s3://…')},
     * {@code postgres_scan}, …), which user SQL must not: it reads the customer 360 tables only.
     */
    static final java.util.Set<String> ALLOWED_TABLE_FUNCTIONS = java.util.Set.of("range", "generate_series", "unnest");

    private static void requireOnlyAllowedTableFunctions(JsonNode node) {
        if (node.isArray()) {
            node.forEach(QuerySyntax::requireOnlyAllowedTableFunctions);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if ("TABLE_FUNCTION".equals(node.path("type").asString(""))) {
            String name = node.path("function").path("function_name").asString("").toLowerCase(Locale.ROOT);
            if (!ALLOWED_TABLE_FUNCTIONS.contains(name)) {
                throw sqlError("The query calls " + (name.isEmpty() ? "a table function" : name + "(…)") + ", which reads"
                        + " files or other systems; queries read only the customer 360 tables. Load the data as a table"
                        + " (in cohort.yaml, or with cohort load) and query that table.");
            }
        }
        node.values().forEach(QuerySyntax::requireOnlyAllowedTableFunctions);
    }

    private static JsonNode serialize(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
            statement.setString(1, sql);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return JSON.readTree(result.getString(1));
            }
        }
    }

    private static String describeError(JsonNode tree, String sql) {
        String type = tree.path("error_type").asString("");
        String message = tree.path("error_message").asString("");
        if (type.equals("parser")) {
            String position = tree.path("position").asString("");
            return "Parser Error: " + message + (position.matches("\\d+")
                    ? " (at character " + (Long.parseLong(position) + 1) + ")" : "");
        }
        if (message.startsWith("Only SELECT statements")) {
            Matcher word = FIRST_WORD.matcher(sql);
            String keyword = word.find() ? word.group(1).toUpperCase(Locale.ROOT) : "";
            String found = keyword.isEmpty() ? "another kind of statement"
                    : ("AEIOU".indexOf(keyword.charAt(0)) >= 0 ? "an " : "a ") + keyword + " statement";
            return "Only a SELECT query is allowed here (it may start with WITH), but this is " + found
                    + ". Queries read the customer 360 tables; they cannot change them or run commands.";
        }
        return "The query cannot be parsed: " + message;
    }

    private static EngineException sqlError(String message) {
        return new EngineException(EngineException.SQL_ERROR, message);
    }
}

package dev.cohort.engine.duckdb;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The base tables a parsed statement reads, found in the syntax tree DuckDB's {@code json_serialize_sql}
 * gives: every {@code BASE_TABLE} reference in joins, subqueries, set operations and CTE bodies, except
 * references to a CTE in scope. Names are returned as written, qualified ones joined by {@code .}.
 */
final class TableReferences {
    private TableReferences() {}

    static Set<String> of(JsonNode statement) {
        Set<String> tables = new LinkedHashSet<>();
        collect(statement, new ArrayDeque<>(), tables);
        return tables;
    }

    private static void collect(JsonNode node, Deque<Set<String>> cteScopes, Set<String> tables) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, cteScopes, tables));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Set<String> ctes = cteNames(node);
        if (!ctes.isEmpty()) {
            cteScopes.push(ctes);
        }
        if ("BASE_TABLE".equals(node.path("type").asString(""))) {
            String name = qualifiedName(node);
            if (!name.isEmpty() && !(isUnqualified(node) && inScope(name, cteScopes))) {
                tables.add(name);
            }
        }
        node.values().forEach(child -> collect(child, cteScopes, tables));
        if (!ctes.isEmpty()) {
            cteScopes.pop();
        }
    }

    private static Set<String> cteNames(JsonNode node) {
        JsonNode entries = node.path("cte_map").path("map");
        if (!entries.isArray()) {
            return Set.of();
        }
        return StreamSupport.stream(entries.spliterator(), false)
                .map(entry -> entry.path("key").asString(""))
                .filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static String qualifiedName(JsonNode table) {
        List<String> path = StreamSupport.stream(table.path("qualified_name").path("path").spliterator(), false)
                .map(part -> part.asString(""))
                .filter(part -> !part.isEmpty())
                .toList();
        if (!path.isEmpty()) {
            return String.join(".", path);
        }
        return Stream.of("catalog_name", "schema_name", "table_name")
                .map(field -> table.path(field).asString(""))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining("."));
    }

    private static boolean isUnqualified(JsonNode table) {
        return table.path("schema_name").asString("").isEmpty() && table.path("catalog_name").asString("").isEmpty();
    }

    private static boolean inScope(String name, Deque<Set<String>> cteScopes) {
        String key = name.toLowerCase(Locale.ROOT);
        return cteScopes.stream().anyMatch(scope -> scope.contains(key));
    }
}

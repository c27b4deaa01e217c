package dev.cohort.runtime.workspace;

import dev.cohort.model.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The order SQL tables must be built in, from the tables each one reads. */
final class SqlDependencies {
    private SqlDependencies() {}

    /** The table name without schema or catalog: {@code main.customers} → {@code customers}. */
    static String baseName(String reference) {
        String name = reference;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }

    /**
     * Orders {@code tables} (name → tables it reads, by key) so each comes after what it reads.
     *
     * @return the order, or empty when there is a cycle (then {@link #cycle} names it)
     */
    static Optional<List<String>> order(Map<String, Set<String>> reads) {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        Map<String, List<String>> readers = new LinkedHashMap<>();
        for (var entry : reads.entrySet()) {
            int count = 0;
            for (String upstream : entry.getValue()) {
                if (reads.containsKey(upstream) && !upstream.equals(entry.getKey())) {
                    count++;
                    readers.computeIfAbsent(upstream, k -> new ArrayList<>()).add(entry.getKey());
                } else if (upstream.equals(entry.getKey())) {
                    return Optional.empty();
                }
            }
            waiting.put(entry.getKey(), count);
        }
        Deque<String> ready = new ArrayDeque<>();
        waiting.forEach((table, count) -> {
            if (count == 0) {
                ready.add(table);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String table = ready.poll();
            order.add(table);
            for (String reader : readers.getOrDefault(table, List.of())) {
                if (waiting.merge(reader, -1, Integer::sum) == 0) {
                    ready.add(reader);
                }
            }
        }
        return order.size() == reads.size() ? Optional.of(order) : Optional.empty();
    }

    /** One cycle among {@code reads}, as "a → b → a". */
    static String cycle(Map<String, Set<String>> reads) {
        for (String start : reads.keySet()) {
            List<String> path = new ArrayList<>();
            if (walk(start, start, reads, path, new LinkedHashSet<>())) {
                path.add(start);
                return String.join(" → ", path);
            }
        }
        return String.join(", ", reads.keySet());
    }

    private static boolean walk(String start, String current, Map<String, Set<String>> reads, List<String> path,
                                Set<String> seen) {
        path.add(current);
        seen.add(current);
        for (String next : reads.getOrDefault(current, Set.of())) {
            if (next.equals(start)) {
                return true;
            }
            if (reads.containsKey(next) && !seen.contains(next) && walk(start, next, reads, path, seen)) {
                return true;
            }
        }
        path.removeLast();
        return false;
    }

    static String key(String table) {
        return Names.tableKey(table);
    }
}

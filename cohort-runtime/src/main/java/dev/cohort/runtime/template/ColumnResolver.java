package dev.cohort.runtime.template;

import dev.cohort.engine.Column;
import dev.cohort.spi.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a template's column references among a query's output columns the way SQL resolves
 * identifiers: an exact match first, else a match ignoring case. A name that matches more than one
 * column is ambiguous.
 */
final class ColumnResolver {
    static final int NOT_FOUND = -1;
    static final int AMBIGUOUS = -2;
    private static final int LISTED_COLUMNS = 20;

    private final List<String> names;

    ColumnResolver(List<Column> columns) {
        this.names = columns.stream().map(Column::name).toList();
    }

    /** The column's 0-based index, {@link #NOT_FOUND} or {@link #AMBIGUOUS}. */
    int indexOf(String name) {
        int exact = find(name, true);
        return exact != NOT_FOUND ? exact : find(name, false);
    }

    /** Why {@code name} names no single column, or empty when it does. */
    Optional<String> problem(String name) {
        return switch (indexOf(name)) {
            case NOT_FOUND -> Optional.of("column '" + name + "' is not in the query's output"
                    + Suggestions.didYouMean(name, names) + " (columns: " + listed() + ")");
            case AMBIGUOUS -> Optional.of("column '" + name + "' matches more than one column of the query's output ("
                    + String.join(", ", matching(name)) + "): give them distinct names with AS in the query");
            default -> Optional.empty();
        };
    }

    private int find(String name, boolean exact) {
        int found = NOT_FOUND;
        for (int i = 0; i < names.size(); i++) {
            boolean matches = exact ? names.get(i).equals(name) : names.get(i).equalsIgnoreCase(name);
            if (matches) {
                if (found != NOT_FOUND) {
                    return AMBIGUOUS;
                }
                found = i;
            }
        }
        return found;
    }

    private List<String> matching(String name) {
        List<String> matching = new ArrayList<>();
        for (String candidate : names) {
            if (candidate.equalsIgnoreCase(name)) {
                matching.add(candidate);
            }
        }
        return matching;
    }

    private String listed() {
        if (names.isEmpty()) {
            return "none";
        }
        if (names.size() <= LISTED_COLUMNS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED_COLUMNS)) + ", … " + (names.size() - LISTED_COLUMNS) + " more";
    }
}

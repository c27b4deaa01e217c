package dev.cohort.model;

import java.util.List;
import java.util.Objects;

/** What an orchestration sends: an active query's rows, or a set of tables as they are. */
public sealed interface OrchestrationSource {
    record Query(String query) implements OrchestrationSource {
        public Query {
            Objects.requireNonNull(query, "query");
        }
    }

    /** A database export: each table sent whole, one file or table each. */
    record DatabaseExport(List<String> tables) implements OrchestrationSource {
        public DatabaseExport {
            tables = List.copyOf(tables);
        }
    }
}

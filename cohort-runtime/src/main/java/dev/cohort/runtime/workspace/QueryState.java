package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import dev.cohort.model.QueryStatus;
import java.time.Instant;
import java.util.List;

/**
 * A query's status as validated: ACTIVE with its output columns, or DRAFT with the engine's message
 * when it was asked to be active but failed validation.
 */
public record QueryState(QueryStatus status, List<Column> columns, String error, Instant validatedAt) {
    public QueryState {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}

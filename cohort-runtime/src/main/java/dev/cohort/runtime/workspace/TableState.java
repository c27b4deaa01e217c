package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import java.time.Instant;
import java.util.List;

/**
 * What Cohort knows of a table once it is loaded or built; kept as the table's state in the store.
 *
 * @param origin            {@code workspace} (declared in cohort.yaml) or {@code cli} (loaded with {@code cohort load})
 * @param sourceFingerprint for loaded tables, the source file's path, size and modification time when loaded
 */
public record TableState(String origin, List<Column> columns, long rowCount, long rowsSkipped,
                         String sourceFingerprint, Instant builtAt) {
    public static final String FROM_WORKSPACE = "workspace";
    public static final String FROM_CLI = "cli";

    public TableState {
        columns = columns == null ? List.of() : List.copyOf(columns);
        origin = origin == null ? FROM_WORKSPACE : origin;
    }
}

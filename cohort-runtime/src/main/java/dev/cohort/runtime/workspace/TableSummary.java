package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A table of the customer 360 database as {@code cohort tables} shows it.
 *
 * @param kind   {@code loaded}, {@code sql} or {@code loaded (cohort load)}
 * @param source the file or SQL file it comes from
 */
public record TableSummary(String name, String kind, String source, List<Column> columns, Set<String> piiColumns,
                           long rowCount, long rowsSkipped, Instant builtAt) {}

package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import dev.cohort.model.QueryStatus;
import java.time.Instant;
import java.util.List;

/**
 * A query as {@code cohort query list} shows it: the status the files ask for, the status it has, and
 * why it is a draft when validation failed.
 */
public record QuerySummary(String name, QueryStatus requested, QueryStatus status, List<Column> columns, String error,
                           Instant validatedAt) {}

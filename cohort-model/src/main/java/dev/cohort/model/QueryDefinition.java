package dev.cohort.model;

import java.util.Objects;

/**
 * A saved SQL statement over the customer 360 database.
 *
 * @param status the status the user asks for; an ACTIVE query that fails validation stays DRAFT
 */
public record QueryDefinition(String name, String description, String sql, String sqlFile, QueryStatus status) {
    public QueryDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
    }
}

package dev.cohort.connector.warehouse;

import java.util.Objects;

/**
 * A configured {@code warehouse-table} destination. Immutable; its {@code toString} masks the password.
 *
 * @param jdbcUrl     the database, without user or password
 * @param schema      the schema tables are written in
 * @param table       the table's name, or its template with {@code {object}}
 * @param mode        replace the table, or append to it
 * @param batchRows   the most rows sent in one round trip: one {@code COPY} statement, or one batch of inserts
 * @param credentials who logs in
 */
public record WarehouseTableConfig(JdbcUrl jdbcUrl, String schema, TableNameTemplate table, WriteMode mode, int batchRows,
                                   WarehouseCredentials credentials) {
    public WarehouseTableConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(credentials, "credentials");
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1");
        }
    }
}

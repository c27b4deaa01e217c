package dev.cohort.runtime.store;

import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a store's schema to the current version with Flyway, from {@code db/migration/<backend>}.
 * Applied migrations are recorded in {@code flyway_schema_history} and never run twice; on PostgreSQL,
 * nodes starting together take turns (Flyway holds an advisory lock while it migrates).
 */
final class Migrations {
    private Migrations() {}

    /**
     * @param store     the store as shown in messages (a path, or host:port/database)
     * @param translate turns a driver failure met while migrating into the store's own message; a failure it
     *                  does not recognise ({@link StoreException#STORE_FAILURE}) is reported as a failed migration
     */
    static void migrate(DataSource dataSource, Dialect dialect, String store,
                        Function<SQLException, StoreException> translate) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .loggers("slf4j")
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException sql = Causes.find(e, SQLException.class);
            StoreException known = sql == null ? null : translate.apply(sql);
            if (known != null && !known.errorCode().equals(StoreException.STORE_FAILURE)) {
                throw known;
            }
            throw new StoreException(StoreException.MIGRATION_FAILED, "Could not bring the " + dialect.backend()
                    + " metadata store " + store + " to the current schema: " + firstLine(e.getMessage())
                    + ". This is a bug or a damaged store; restore a backup or report it.", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}

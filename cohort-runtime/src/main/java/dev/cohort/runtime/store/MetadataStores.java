package dev.cohort.runtime.store;

import java.time.Clock;
import java.util.Objects;

/** Opens the metadata store named by a JDBC URL. */
public final class MetadataStores {
    static final String SQLITE_FORM = "jdbc:sqlite:/path/to/metadata.db";
    static final String POSTGRESQL_FORM = "jdbc:postgresql://host:5432/database?user=name";

    private MetadataStores() {}

    /**
     * Opens (and migrates) the store at {@code jdbcUrl}: {@code jdbc:sqlite:/path/metadata.db} or
     * {@code jdbc:postgresql://host:port/db?user=…}. A SQLite file's folder is created if missing.
     * Fails with {@link StoreException#BAD_URL} for another scheme, {@link StoreException#UNREACHABLE}
     * when the server cannot be reached within seconds, {@link StoreException#ACCESS_DENIED} or
     * {@link StoreException#DATABASE_NOT_FOUND} for a refused login or a missing database, and
     * {@link StoreException#UNUSABLE} for a SQLite file that cannot be written; messages name the file
     * or host and port, never the password.
     */
    public static MetadataStore open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /** As {@link #open(String)}, stamping {@code createdAt} and {@code updatedAt} from {@code clock}. */
    public static MetadataStore open(String jdbcUrl, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new StoreException(StoreException.BAD_URL, "No metadata store URL was given. " + accepted());
        }
        String url = jdbcUrl.strip();
        Database database;
        if (url.startsWith(SqliteFile.PREFIX)) {
            database = SqliteDatabase.open(SqliteFile.parse(url));
        } else if (url.startsWith(PostgresUrl.PREFIX)) {
            database = PostgresDatabase.open(PostgresUrl.parse(url));
        } else {
            throw new StoreException(StoreException.BAD_URL, "The metadata store URL " + UrlRedaction.redact(url)
                    + " is neither SQLite nor PostgreSQL. " + accepted());
        }
        return new JdbcMetadataStore(database, clock);
    }

    private static String accepted() {
        return "Use " + SQLITE_FORM + " (a file on this machine) or " + POSTGRESQL_FORM
                + " (a server several Cohort nodes share), in COHORT_DB_URL or --db-url.";
    }
}

package dev.cohort.runtime.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ObjectArgument;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the two backends once a connection is open: where the migrations live, how a
 * timestamp is written and read, and how a unique-key violation is recognised. SQL text is shared.
 */
enum Dialect {
    SQLITE("sqlite") {
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        @Override
        Argument timestamp(Instant instant) {
            return ObjectArgument.of(FORMAT.format(truncate(instant)), Types.VARCHAR);
        }

        @Override
        Instant readTimestamp(ResultSet row, String column) throws SQLException {
            return Instant.parse(row.getString(column));
        }

        @Override
        void serialiseClaims(org.jdbi.v3.core.Handle handle, long workspaceId) {
            // one writer connection in this process and IMMEDIATE transactions across processes
        }

        @Override
        String skipLocked() {
            return "";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return e instanceof SQLiteException sqlite
                    && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        Argument timestamp(Instant instant) {
            return ObjectArgument.of(truncate(instant).atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        Instant readTimestamp(ResultSet row, String column) throws SQLException {
            return row.getObject(column, OffsetDateTime.class).toInstant();
        }

        @Override
        void serialiseClaims(org.jdbi.v3.core.Handle handle, long workspaceId) {
            handle.createQuery("SELECT pg_advisory_xact_lock(:key, :workspace)")
                    .bind("key", CLAIM_LOCK_KEY)
                    .bind("workspace", (int) workspaceId)
                    .mapTo(String.class)
                    .one();
        }

        @Override
        String skipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    };

    /** The first half of the advisory lock claimers of a workspace take turns on ("CoRn"). */
    private static final int CLAIM_LOCK_KEY = 0x436f526e;

    private final String backend;

    Dialect(String backend) {
        this.backend = backend;
    }

    /** {@code sqlite} or {@code postgresql}: the backend's name, also its migration folder. */
    String backend() {
        return backend;
    }

    String migrationLocation() {
        return "classpath:db/migration/" + backend;
    }

    /** Binds a point in time, at millisecond precision, in UTC. */
    abstract Argument timestamp(Instant instant);

    abstract Instant readTimestamp(ResultSet row, String column) throws SQLException;

    abstract boolean isUniqueViolation(SQLException e);

    /** Makes claimers of one workspace's runs take turns until the end of the current transaction. */
    abstract void serialiseClaims(org.jdbi.v3.core.Handle handle, long workspaceId);

    /** The clause that makes a candidate query skip rows other transactions hold: empty where not needed. */
    abstract String skipLocked();

    /** Both backends keep milliseconds; cutting here makes what was written equal to what is read. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}

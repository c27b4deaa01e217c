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
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    };

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

    /** Both backends keep milliseconds; cutting here makes what was written equal to what is read. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}

package dev.cohort.connector.warehouse;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.destination.PartnerException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns what JDBC throws into a {@link PartnerException} with a stable code: by the network failure
 * underneath, then by SQLSTATE — never by the message's wording. Messages name the database, schema,
 * table, column and user, never a password or a row's value: for a value a column refused (SQLSTATE
 * classes 22 and 23), whose server message quotes the value, only the SQLSTATE, the column and the row
 * number are kept, and the driver's exception is not attached.
 */
final class SqlFailures {
    private static final Pattern COPY_WHERE = Pattern.compile("COPY .*, line (\\d+)(?:, column ([^:]+))?");
    private static final Map<String, String> VALUE_CONDITIONS = Map.ofEntries(
            Map.entry("22P02", "the text is not a valid value of the column's type"),
            Map.entry("22001", "the value is longer than the column allows"),
            Map.entry("22003", "the number is out of the column's range"),
            Map.entry("22007", "the text is not a valid date or time"),
            Map.entry("22008", "the date or time is out of range"),
            Map.entry("22021", "the text holds a character the database's encoding cannot store"),
            Map.entry("22P04", "the row does not fit COPY's CSV format"),
            Map.entry("23502", "a NOT NULL column got no value"),
            Map.entry("23505", "a value already exists in a unique column or key"),
            Map.entry("23503", "a value has no match for a foreign key"),
            Map.entry("23514", "a row fails a CHECK constraint"));

    private SqlFailures() {}

    /**
     * @param config  the destination, for where and who
     * @param action  what was being done, as a verb phrase ("create table public.audience")
     * @param failure what JDBC threw
     */
    static PartnerException translate(WarehouseTableConfig config, String action, SQLException failure) {
        return translate(config, action, failure, line -> -1);
    }

    /**
     * @param rowOfCopyLine the delivery's row number of a line of the running COPY (from 1), or -1
     */
    static PartnerException translate(WarehouseTableConfig config, String action, SQLException failure,
                                      LongUnaryOperator rowOfCopyLine) {
        String where = config.jdbcUrl().describe();
        String user = config.credentials().username();
        Optional<PartnerException> network = network(where, action, failure);
        if (network.isPresent()) {
            return network.get();
        }
        String state = sqlState(failure);
        String reason = serverMessage(failure) + " (SQLSTATE " + state + ")";
        String could = "Could not " + action + (action.contains(where) ? "" : " in " + where) + ": ";
        if (state.startsWith("23") && server(failure).map(ServerErrorMessage::getSchema).filter("pg_catalog"::equals).isPresent()) {
            // two deliveries created the same table at once: the second hits the catalog's unique index
            return fail(WarehouseErrors.CONFLICT, could + "another delivery created the same table at the same time (SQLSTATE " + state
                    + "); the delivery will be retried", failure);
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return valueRejected(could, state, failure, rowOfCopyLine);
        }
        return switch (state) {
            case "28P01", "28000", "08004" -> fail(WarehouseErrors.AUTHENTICATION_FAILED, "Could not log in to " + where + " as user '"
                    + user + "': " + reason + "; correct the credential's username and password, or ask the database's administrator to"
                    + " let this user connect from Cohort's host", failure);
            case "3D000" -> fail(WarehouseErrors.DATABASE_NOT_FOUND, could + reason + "; correct the database in jdbc_url", failure);
            case "3F000" -> fail(WarehouseErrors.SCHEMA_NOT_FOUND, could + reason + "; create the schema or correct schema", failure);
            case "42501" -> fail(WarehouseErrors.PERMISSION_DENIED, could + reason + " for user '" + user + "'; grant it what the mode"
                    + " needs: CREATE on the schema for new tables, ownership of the table to replace it, INSERT to append", failure);
            case "2BP01" -> fail(WarehouseErrors.DEPENDENT_OBJECTS, could + reason + detail(failure) + "; replace drops the old table,"
                    + " so drop what depends on it and recreate it after each run, or use mode: append", failure);
            case "40001", "40P01", "55P03", "42P07" -> fail(WarehouseErrors.CONFLICT, could + "another transaction got in the way: " + reason
                    + "; the delivery will be retried", failure);
            case "53300", "53200", "53000", "57P03" -> fail(WarehouseErrors.SERVER_BUSY, could + reason + "; the delivery will be retried",
                    failure);
            case "53100" -> fail(WarehouseErrors.DISK_FULL, could + reason + "; free space on the database server", failure);
            default -> state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    ? fail(WarehouseErrors.CONNECTION_LOST, "The connection to " + where + " was lost while trying to " + action + ": "
                            + reason + "; the delivery will be retried", failure)
                    : fail(WarehouseErrors.DATABASE_ERROR, could + reason, failure);
        };
    }

    private static Optional<PartnerException> network(String where, String action, SQLException failure) {
        String could = "Could not " + action + ": ";
        String there = action.contains(where) ? "there" : "at " + where;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException unknown) {
                return Optional.of(fail(WarehouseErrors.UNKNOWN_HOST, could + "the host " + unknown.getMessage()
                        + " does not resolve; correct the host in jdbc_url", failure));
            }
            if (cause instanceof ConnectException) {
                return Optional.of(fail(WarehouseErrors.CONNECTION_REFUSED, could + "nothing answers " + there + " (connection refused);"
                        + " is the database running there, and does a firewall let Cohort through? The delivery will be retried", failure));
            }
            if (cause instanceof SocketTimeoutException) {
                return Optional.of(fail(WarehouseErrors.TIMEOUT, could + "the database " + there + " did not answer in time; the delivery"
                        + " will be retried", failure));
            }
            if (cause instanceof EOFException || cause instanceof SocketException) {
                return Optional.of(fail(WarehouseErrors.CONNECTION_LOST, "The connection to " + where + " was lost while trying to "
                        + action + "; the delivery will be retried", failure));
            }
        }
        return Optional.empty();
    }

    private static PartnerException valueRejected(String could, String state, SQLException failure, LongUnaryOperator rowOfCopyLine) {
        StringBuilder message = new StringBuilder(could).append("a value does not fit its column (")
                .append(VALUE_CONDITIONS.getOrDefault(state, "SQLSTATE class " + state.substring(0, 2)))
                .append("; SQLSTATE ").append(state);
        Optional<ServerErrorMessage> server = server(failure);
        String column = server.map(ServerErrorMessage::getColumn).orElse(null);
        long row = -1;
        Matcher copy = COPY_WHERE.matcher(server.map(ServerErrorMessage::getWhere).orElse(""));
        if (copy.find()) {
            row = rowOfCopyLine.applyAsLong(Long.parseLong(copy.group(1)));
            column = column != null ? column : copy.group(2);
        }
        if (column != null) {
            message.append("; column ").append(column.strip());
        }
        if (row > 0) {
            message.append("; row ").append(row);
        }
        message.append("). Values are not shown. Make the data template's field fit the column, or change the column's type;"
                + " the previous contents of the table are kept");
        return new PartnerException(WarehouseErrors.VALUE_REJECTED, message.toString());
    }

    /** The first SQLSTATE in the exception, its chained ones (a batch's) and its causes; "?????" when none has one. */
    static String sqlState(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "?????";
    }

    /** The database's own words, without detail or values: a batch's message quotes its statements, so it is skipped. */
    private static String serverMessage(SQLException failure) {
        Optional<ServerErrorMessage> server = server(failure);
        if (server.isPresent() && server.get().getMessage() != null) {
            return server.get().getMessage();
        }
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (!(e instanceof BatchUpdateException) && e.getMessage() != null) {
                return e.getMessage().lines().findFirst().orElse("").strip();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String detail(SQLException failure) {
        return server(failure).map(ServerErrorMessage::getDetail).filter(detail -> !detail.isBlank())
                .map(detail -> " (" + detail.strip().replace('\n', ';') + ")").orElse("");
    }

    private static Optional<ServerErrorMessage> server(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.of(psql.getServerErrorMessage());
            }
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.of(psql.getServerErrorMessage());
            }
        }
        return Optional.empty();
    }

    /** A batch's own message quotes its statements with their values: its chained exception is attached instead. */
    private static PartnerException fail(ErrorCode code, String message, SQLException cause) {
        SQLException attached = cause;
        while (attached instanceof BatchUpdateException) {
            attached = attached.getNextException();
        }
        return new PartnerException(code, message, attached);
    }
}

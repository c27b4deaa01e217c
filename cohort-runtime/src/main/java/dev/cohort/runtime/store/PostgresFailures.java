package dev.cohort.runtime.store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Turns PostgreSQL driver failures into messages that say what to check, by SQLSTATE and the network
 * error underneath. Messages name host, port, database and user, never the password or the URL.
 */
final class PostgresFailures {
    private static final String WHERE_TO_FIX = "COHORT_DB_URL or --db-url";

    private final PostgresUrl url;

    PostgresFailures(PostgresUrl url) {
        this.url = url;
    }

    /** A failure to open a connection. */
    StoreException onConnect(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new StoreException(StoreException.ACCESS_DENIED, "The PostgreSQL metadata store at " + url.location()
                    + " refused the login of " + userDescription() + " (authentication failed, the role does not "
                    + "exist, or pg_hba.conf does not allow it). Check the user and password in " + WHERE_TO_FIX + ".", e);
        }
        if (state.equals("3D000")) {
            return new StoreException(StoreException.DATABASE_NOT_FOUND, "The PostgreSQL server at " + url.location()
                    + " has no database '" + url.database() + "'. Create it (createdb " + url.database()
                    + ") or correct the database name in " + WHERE_TO_FIX + ".", e);
        }
        IOException network = Causes.find(e, IOException.class);
        if (network != null || state.startsWith("08")) {
            return new StoreException(StoreException.UNREACHABLE, "Cannot reach the PostgreSQL metadata store at "
                    + url.location() + " (" + networkReason(network) + "). Check that the server is running and that "
                    + WHERE_TO_FIX + " is right.", e);
        }
        return new StoreException(StoreException.STORE_FAILURE, "Cannot open the PostgreSQL metadata store at "
                + url.location() + "/" + url.database() + " (SQLSTATE " + state + ").", e);
    }

    /** A failure while working with an open store. */
    StoreException during(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new StoreException(StoreException.UNREACHABLE, "Lost the connection to the PostgreSQL metadata "
                    + "store at " + url.location() + " while " + action + ". Check that the server is running; "
                    + "the action can be retried.", e);
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return new StoreException(StoreException.BUSY, "The PostgreSQL metadata store at " + url.location()
                    + " gave up " + action + " because another transaction changed the same rows at the same time "
                    + "(SQLSTATE " + state + "); the action can be retried.", e);
        }
        if (state.startsWith("28") || state.equals("3D000")) {
            return onConnect(e);
        }
        return new StoreException(StoreException.STORE_FAILURE, "The PostgreSQL metadata store at "
                + url.location() + " failed while " + action + " (SQLSTATE " + state + ").", e);
    }

    private String userDescription() {
        return url.user().map(user -> "user '" + user + "'").orElse("the default user (no user in the URL)");
    }

    private static String networkReason(IOException network) {
        return switch (network) {
            case null -> "connection failed";
            case ConnectException ignored -> "connection refused";
            case SocketTimeoutException ignored -> "no answer within " + PostgresDatabase.CONNECT_TIMEOUT_SECONDS + " s";
            case UnknownHostException ignored -> "unknown host";
            case NoRouteToHostException ignored -> "no route to host";
            default -> "network error: " + network.getClass().getSimpleName();
        };
    }
}

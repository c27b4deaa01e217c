package dev.cohort.connector.warehouse;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;
import java.util.List;

/**
 * The stable error codes of the warehouse-table destination. Each names one cause a person can act on;
 * the kind says whether the runtime retries the delivery ({@link ErrorKind#EXTERNAL_TRANSIENT}) or stops.
 */
public final class WarehouseErrors {
    /** The database's host name does not resolve: usually a typo in {@code jdbc_url}. */
    public static final ErrorCode UNKNOWN_HOST = ErrorCode.user("WAREHOUSE_UNKNOWN_HOST");
    /** Nothing listens on the database's port, or a firewall rejects the connection. */
    public static final ErrorCode CONNECTION_REFUSED = transientError("WAREHOUSE_CONNECTION_REFUSED");
    /** The database did not answer in time while connecting. */
    public static final ErrorCode TIMEOUT = transientError("WAREHOUSE_TIMEOUT");
    /** The connection broke while in use (SQLSTATE class 08, an administrator's shutdown). */
    public static final ErrorCode CONNECTION_LOST = transientError("WAREHOUSE_CONNECTION_LOST");
    /** The database refused the credential's user name or password (SQLSTATE 28P01, 28000). */
    public static final ErrorCode AUTHENTICATION_FAILED = ErrorCode.user("WAREHOUSE_AUTHENTICATION_FAILED");
    /** The database named in {@code jdbc_url} does not exist (SQLSTATE 3D000). */
    public static final ErrorCode DATABASE_NOT_FOUND = ErrorCode.user("WAREHOUSE_DATABASE_NOT_FOUND");
    /** The {@code schema} does not exist (SQLSTATE 3F000). */
    public static final ErrorCode SCHEMA_NOT_FOUND = ErrorCode.user("WAREHOUSE_SCHEMA_NOT_FOUND");
    /** The user may not create, drop, rename or insert where it must (SQLSTATE 42501). */
    public static final ErrorCode PERMISSION_DENIED = permanent("WAREHOUSE_PERMISSION_DENIED");
    /** In append mode, the existing table's columns do not fit the delivery's fields. */
    public static final ErrorCode COLUMNS_MISMATCH = ErrorCode.user("WAREHOUSE_COLUMNS_MISMATCH");
    /** The table name is taken by a view or another object that is not a table, or is not a valid name. */
    public static final ErrorCode INVALID_TABLE = ErrorCode.user("WAREHOUSE_INVALID_TABLE");
    /** The delivery's fields cannot be columns (duplicates, names too long for the database, none at all). */
    public static final ErrorCode INVALID_FIELDS = ErrorCode.user("WAREHOUSE_INVALID_FIELDS");
    /** In replace mode, views or other objects depend on the table, so it cannot be dropped (SQLSTATE 2BP01). */
    public static final ErrorCode DEPENDENT_OBJECTS = ErrorCode.user("WAREHOUSE_DEPENDENT_OBJECTS");
    /** A value does not fit its column (SQLSTATE class 22 or 23: type, length, NOT NULL, unique). */
    public static final ErrorCode VALUE_REJECTED = ErrorCode.user("WAREHOUSE_VALUE_REJECTED");
    /** Another transaction got in the way: serialization failure, deadlock, lock wait too long (40001, 40P01, 55P03). */
    public static final ErrorCode CONFLICT = transientError("WAREHOUSE_CONFLICT");
    /** The server is out of connections or memory, or is starting or shutting down (53300, 53200, 57P03). */
    public static final ErrorCode SERVER_BUSY = transientError("WAREHOUSE_SERVER_BUSY");
    /** The server's disk is full (SQLSTATE 53100). */
    public static final ErrorCode DISK_FULL = permanent("WAREHOUSE_DISK_FULL");
    /** Any other refusal of the database, with its SQLSTATE. */
    public static final ErrorCode DATABASE_ERROR = permanent("WAREHOUSE_DATABASE_ERROR");

    private static final List<ErrorCode> ALL = List.of(UNKNOWN_HOST, CONNECTION_REFUSED, TIMEOUT, CONNECTION_LOST, AUTHENTICATION_FAILED,
            DATABASE_NOT_FOUND, SCHEMA_NOT_FOUND, PERMISSION_DENIED, COLUMNS_MISMATCH, INVALID_TABLE, INVALID_FIELDS, DEPENDENT_OBJECTS,
            VALUE_REJECTED, CONFLICT, SERVER_BUSY, DISK_FULL, DATABASE_ERROR);

    private WarehouseErrors() {}

    /** Every code above, for documentation and tests. */
    public static List<ErrorCode> all() {
        return ALL;
    }

    private static ErrorCode transientError(String code) {
        return new ErrorCode(code, ErrorKind.EXTERNAL_TRANSIENT);
    }

    private static ErrorCode permanent(String code) {
        return new ErrorCode(code, ErrorKind.EXTERNAL_PERMANENT);
    }
}

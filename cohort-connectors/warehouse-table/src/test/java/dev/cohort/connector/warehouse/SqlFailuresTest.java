package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.PartnerException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * How failures are classified: by the network failure underneath, then by SQLSTATE — and what their
 * messages never show. The exceptions are the driver's own, built as the server's error reports build them.
 */
class SqlFailuresTest {
    private static final WarehouseTableConfig CONFIG = new WarehouseTableType().configure(new Settings(
            new WarehouseTableType().spec().settings(), Map.of("jdbc_url", "jdbc:postgresql://db.example.com:5432/analytics"),
            Map.of("username", "loader", "password", "pa55word!x")));

    @ParameterizedTest(name = "SQLSTATE {0} is {1}")
    @CsvSource({
            "28P01, WAREHOUSE_AUTHENTICATION_FAILED, USER_ERROR",
            "28000, WAREHOUSE_AUTHENTICATION_FAILED, USER_ERROR",
            "3D000, WAREHOUSE_DATABASE_NOT_FOUND, USER_ERROR",
            "3F000, WAREHOUSE_SCHEMA_NOT_FOUND, USER_ERROR",
            "42501, WAREHOUSE_PERMISSION_DENIED, EXTERNAL_PERMANENT",
            "2BP01, WAREHOUSE_DEPENDENT_OBJECTS, USER_ERROR",
            "40001, WAREHOUSE_CONFLICT, EXTERNAL_TRANSIENT",
            "40P01, WAREHOUSE_CONFLICT, EXTERNAL_TRANSIENT",
            "55P03, WAREHOUSE_CONFLICT, EXTERNAL_TRANSIENT",
            "08006, WAREHOUSE_CONNECTION_LOST, EXTERNAL_TRANSIENT",
            "08003, WAREHOUSE_CONNECTION_LOST, EXTERNAL_TRANSIENT",
            "57P01, WAREHOUSE_CONNECTION_LOST, EXTERNAL_TRANSIENT",
            "53300, WAREHOUSE_SERVER_BUSY, EXTERNAL_TRANSIENT",
            "57P03, WAREHOUSE_SERVER_BUSY, EXTERNAL_TRANSIENT",
            "53100, WAREHOUSE_DISK_FULL, EXTERNAL_PERMANENT",
            "22P02, WAREHOUSE_VALUE_REJECTED, USER_ERROR",
            "23502, WAREHOUSE_VALUE_REJECTED, USER_ERROR",
            "42P01, WAREHOUSE_DATABASE_ERROR, EXTERNAL_PERMANENT"})
    void classifiesBySqlState(String state, String code, ErrorKind kind) {
        PartnerException failure = SqlFailures.translate(CONFIG, "create table public.audience", server(state, "it failed", null));

        assertThat(failure.errorCode()).isEqualTo(new ErrorCode(code, kind));
        assertThat(failure.getMessage()).contains("SQLSTATE " + state).doesNotContain("pa55word!x");
    }

    @Test
    void networkFailuresUnderneathComeFirst() {
        assertThat(code(new PSQLException("connect failed", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new UnknownHostException("db.example.com"))))
                .isEqualTo(WarehouseErrors.UNKNOWN_HOST);
        assertThat(code(new PSQLException("connect failed", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("refused"))))
                .isEqualTo(WarehouseErrors.CONNECTION_REFUSED);
        assertThat(code(new PSQLException("connect failed", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new java.net.SocketTimeoutException("connect timed out")))).isEqualTo(WarehouseErrors.TIMEOUT);
        assertThat(code(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset"))))
                .isEqualTo(WarehouseErrors.CONNECTION_LOST);
        assertThat(WarehouseErrors.CONNECTION_REFUSED.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
        assertThat(WarehouseErrors.UNKNOWN_HOST.kind()).isEqualTo(ErrorKind.USER_ERROR);
    }

    @Test
    void aRefusedValueShowsItsColumnAndRowButNeverTheValue() {
        PSQLException copyFailure = server("22P02", "invalid input syntax for type bigint: \"0800-SECRET\"",
                "COPY audience__cohort_1a2b3c4d, line 3, column phone: \"0800-SECRET\"");

        PartnerException failure = SqlFailures.translate(CONFIG, "copy rows into public.audience", copyFailure, line -> 1000 + line);

        assertThat(failure.getMessage()).contains("the text is not a valid value of the column's type").contains("column phone")
                .contains("row 1003").contains("SQLSTATE 22P02").doesNotContain("0800-SECRET");
        assertThat(failure.getCause()).as("the driver's exception quotes the value").isNull();
    }

    @Test
    void aBatchIsNotAttachedBecauseItsMessageQuotesTheStatementsValues() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO audience VALUES ('ada@example.com') was aborted",
                "40P01", 0, new int[0], null);
        PSQLException server = server("40P01", "deadlock detected", null);
        batch.setNextException(server);

        PartnerException failure = SqlFailures.translate(CONFIG, "insert rows into public.audience", batch);

        assertThat(failure.errorCode()).isEqualTo(WarehouseErrors.CONFLICT);
        assertThat(failure.getMessage()).contains("deadlock detected").contains("will be retried").doesNotContain("ada@example.com");
        assertThat(failure.getCause()).isSameAs(server);
    }

    @Test
    void aUniqueViolationInTheCatalogIsTwoDeliveriesCreatingTheSameTable() {
        PSQLException race = new PSQLException(new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique constraint"
                + " \"pg_type_typname_nsp_index\"\0spg_catalog\0tpg_type\0npg_type_typname_nsp_index\0"));

        assertThat(SqlFailures.translate(CONFIG, "create table public.audience", race).errorCode()).isEqualTo(WarehouseErrors.CONFLICT);
    }

    @Test
    void aPermissionFailureNamesTheUserAndWhatToGrant() {
        PartnerException failure = SqlFailures.translate(CONFIG, "create table public.audience",
                server("42501", "permission denied for schema public", null));

        assertThat(failure.getMessage()).isEqualTo("Could not create table public.audience in postgresql://db.example.com:5432/analytics:"
                + " permission denied for schema public (SQLSTATE 42501) for user 'loader'; grant it what the mode needs: CREATE on the"
                + " schema for new tables, ownership of the table to replace it, INSERT to append");
    }

    private static ErrorCode code(SQLException failure) {
        return SqlFailures.translate(CONFIG, "connect", failure).errorCode();
    }

    /** An error as the server reports it: severity, SQLSTATE, message and, when given, where. */
    private static PSQLException server(String state, String message, String where) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0M" + message + "\0" + (where == null ? "" : "W" + where + "\0")));
    }
}

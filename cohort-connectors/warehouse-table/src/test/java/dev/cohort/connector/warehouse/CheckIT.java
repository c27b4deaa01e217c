package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.testing.postgres.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connection check against the real PostgreSQL, step by step, and the same failures when a delivery
 * opens: each a plain message and a classified error.
 */
class CheckIT {
    private static final CheckContext SHORT = new CheckContext(Duration.ofSeconds(5));

    @RegisterExtension
    final PostgresTestDatabase database = new PostgresTestDatabase();

    private TestWarehouse warehouse() {
        return new TestWarehouse(database);
    }

    @Test
    void aWorkingDestinationPassesEveryStep() {
        CheckResult result = TestWarehouse.TYPE.check(warehouse().config("table", "audience"), SHORT);

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.steps()).extracting(Step::name).containsExactly("resolve 127.0.0.1",
                "connect to " + databaseDescription() + " as postgres", "find schema public", "create a table in public",
                "look at table public.audience");
        assertThat(result.steps().get(1).message()).startsWith("logged in to PostgreSQL");
        assertThat(result.steps().get(4).message()).contains("does not exist yet");
        assertThat(warehouse().relations()).as("the probe table is gone").isEmpty();
    }

    @Test
    void anUnknownHostFailsAtResolving() {
        WarehouseTableConfig config = warehouse().config("jdbc_url", "jdbc:postgresql://no-such-host.invalid:5432/warehouse");

        CheckResult result = TestWarehouse.TYPE.check(config, SHORT);

        assertThat(lastStep(result).name()).isEqualTo("resolve no-such-host.invalid");
        assertThat(lastStep(result).message()).contains("does not resolve").contains("jdbc_url");
        assertThatThrownBy(() -> TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id")))
                .isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.errorCode()).isEqualTo(WarehouseErrors.UNKNOWN_HOST));
    }

    @Test
    void aPortWhereNothingListensIsRefusedAndRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WarehouseTableConfig config = warehouse().config("jdbc_url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/warehouse");

        CheckResult result = TestWarehouse.TYPE.check(config, SHORT);

        assertThat(lastStep(result).name()).startsWith("connect to postgresql://127.0.0.1:" + closedPort + "/warehouse");
        assertThat(lastStep(result).message()).contains("connection refused");
        assertThatThrownBy(() -> TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id")))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(WarehouseErrors.CONNECTION_REFUSED);
                    assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                });
    }

    @Test
    void aUserTheServerRefusesFailsAtLoggingInWithoutRetrying() {
        WarehouseTableConfig config = warehouse().configAs("no_such_user_for_cohort");

        CheckResult result = TestWarehouse.TYPE.check(config, SHORT);

        assertThat(lastStep(result).name()).endsWith("as no_such_user_for_cohort");
        assertThat(lastStep(result).message()).contains("user 'no_such_user_for_cohort'").contains("correct the credential's username");
        assertThatThrownBy(() -> TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id")))
                .isInstanceOfSatisfying(PartnerException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(WarehouseErrors.AUTHENTICATION_FAILED);
                    assertThat(e.kind()).isEqualTo(ErrorKind.USER_ERROR);
                });
    }

    @Test
    void aMissingDatabaseIsNamed() {
        WarehouseTableConfig config = warehouse().config("jdbc_url", "jdbc:postgresql://127.0.0.1:5432/no_such_database_for_cohort");

        CheckResult result = TestWarehouse.TYPE.check(config, SHORT);

        assertThat(lastStep(result).message()).contains("no_such_database_for_cohort").contains("correct the database in jdbc_url");
        assertThatThrownBy(() -> TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id")))
                .isInstanceOfSatisfying(PartnerException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(WarehouseErrors.DATABASE_NOT_FOUND));
    }

    @Test
    void aMissingSchemaFailsItsStepAndTheDelivery() {
        WarehouseTableConfig config = warehouse().config("schema", "marketing");

        CheckResult result = TestWarehouse.TYPE.check(config, SHORT);

        assertThat(lastStep(result).name()).isEqualTo("find schema marketing");
        assertThat(lastStep(result).message()).contains("does not exist").contains("CREATE SCHEMA \"marketing\"");
        assertThatThrownBy(() -> TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id")))
                .isInstanceOfSatisfying(PartnerException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(WarehouseErrors.SCHEMA_NOT_FOUND))
                .hasMessageContaining("marketing");
    }

    @Test
    void aUserWhoMayNotCreateTablesFailsTheProbeAndTheDelivery() {
        try (TestRole reader = TestRole.create(warehouse(), "reader")) {
            WarehouseTableConfig config = warehouse().configAs(reader.name());

            CheckResult result = TestWarehouse.TYPE.check(config, SHORT);

            assertThat(lastStep(result).name()).isEqualTo("create a table in public");
            assertThat(lastStep(result).message()).contains("may not create tables in schema public")
                    .contains("GRANT CREATE ON SCHEMA \"public\" TO \"" + reader.name() + "\"");
            assertThatThrownBy(() -> TestWarehouse.TYPE.open(config, TestWarehouse.context("audience", "id")))
                    .isInstanceOfSatisfying(PartnerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(WarehouseErrors.PERMISSION_DENIED);
                        assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
                    });
        }
    }

    @Test
    void aTableTheUserDoesNotOwnCannotBeReplacedNorAppendedToWithoutInsert() {
        warehouse().execute("CREATE TABLE audience (id text)");
        try (TestRole writer = TestRole.create(warehouse(), "writer").mayCreateTables()) {
            CheckResult replace = TestWarehouse.TYPE.check(warehouse().configAs(writer.name(), "table", "audience"), SHORT);
            CheckResult append = TestWarehouse.TYPE.check(warehouse().configAs(writer.name(), "table", "audience", "mode", "append"),
                    SHORT);

            assertThat(lastStep(replace).name()).isEqualTo("look at table public.audience");
            assertThat(lastStep(replace).message()).contains("does not own public.audience").contains("OWNER TO");
            assertThat(lastStep(append).message()).contains("may not insert into public.audience")
                    .contains("GRANT INSERT ON \"public\".\"audience\" TO \"" + writer.name() + "\"");
        }
    }

    @Test
    void anAppendTableIsDescribedWithItsColumnsAndATemplatedNameIsLeftToEachDelivery() {
        warehouse().execute("CREATE TABLE audience (id text, joined date NOT NULL)");

        CheckResult fixed = TestWarehouse.TYPE.check(warehouse().config("table", "audience", "mode", "append"), SHORT);
        CheckResult templated = TestWarehouse.TYPE.check(warehouse().config("table", "crm_{object}"), SHORT);

        assertThat(lastStep(fixed).message()).contains("id (text), joined (date, NOT NULL)").contains("must match");
        assertThat(templated.ok()).isTrue();
        assertThat(lastStep(templated).name()).isEqualTo("table name");
        assertThat(lastStep(templated).message()).contains("'crm_{object}' is named for each delivery");
    }

    private String databaseDescription() {
        return "postgresql://127.0.0.1:5432/" + database.name();
    }

    /** The last step: the failed one when the check failed (it stops there). */
    private static Step lastStep(CheckResult result) {
        Step last = result.steps().get(result.steps().size() - 1);
        assertThat(last.ok()).as("only the last step may fail: " + result.summary()).isEqualTo(result.ok());
        return last;
    }
}

package dev.cohort.connector.warehouse;

import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.conformance.DestinationConformance;
import dev.cohort.testing.conformance.InvalidConfiguration;
import dev.cohort.testing.conformance.RejectionCase;
import dev.cohort.testing.postgres.PostgresTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conformance suite for {@code type: warehouse-table} against the real PostgreSQL, a fresh database
 * per test, logged in as a role that may only create tables in schema public: the delivery goes into
 * table {@code audience} (the suite's object), replaced by default.
 */
class WarehouseTableIT extends DestinationConformance<WarehouseTableConfig> {
    @RegisterExtension
    final PostgresTestDatabase database = new PostgresTestDatabase();
    private TestRole writer;

    @BeforeEach
    void createWriterRole() {
        writer = TestRole.create(warehouse(), "writer").mayCreateTables();
    }

    @AfterEach
    void dropWriterRole() {
        writer.close();
    }

    private TestWarehouse warehouse() {
        return new TestWarehouse(database);
    }

    @Override
    protected DestinationType<WarehouseTableConfig> destinationType() {
        return new WarehouseTableType();
    }

    @Override
    protected Map<String, Object> validSettings() {
        return warehouse().settings();
    }

    @Override
    protected Map<String, String> validSecrets() {
        return Map.of("username", writer.name());
    }

    @Override
    protected InvalidConfiguration invalidConfiguration() {
        return new InvalidConfiguration(Map.of("jdbc_url", "jdbc:postgresql://127.0.0.1:5432/warehouse?password=hunter2hunter2",
                "mode", "upsert", "batch_rows", 0, "table", "{objekt}"), Map.of("password", "s3cret-passw0rd"),
                Set.of("jdbc_url", "mode", "batch_rows", "table", "credential.username"));
    }

    /** PostgreSQL text cannot hold NUL: such a row is rejected, the others written. */
    @Override
    protected Optional<RejectionCase> rejectionCase() {
        return Optional.of(new RejectionCase(Map.of(), new String[] {"C2", "c2@example.com", "Nul\u0000Byte"}));
    }

    @Override
    protected List<List<String>> readBack(WriteResult result) {
        return warehouse().tableRows("audience").stream()
                .map(row -> row.stream().map(value -> value == null ? "" : value).toList()).toList();
    }

    @Override
    protected List<String> listTarget() {
        return warehouse().relations();
    }
}

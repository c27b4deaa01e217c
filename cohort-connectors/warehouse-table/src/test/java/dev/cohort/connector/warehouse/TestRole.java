package dev.cohort.connector.warehouse;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A login role of its own on the test server, {@code cohort_<purpose>_<8 hex>}, without superuser
 * rights: what a real warehouse user is. Roles belong to the whole server, so {@link #close()} drops it
 * (after what it owns and was granted in the test database).
 */
final class TestRole implements AutoCloseable {
    private final TestWarehouse warehouse;
    private final String name;

    private TestRole(TestWarehouse warehouse, String name) {
        this.warehouse = warehouse;
        this.name = name;
    }

    static TestRole create(TestWarehouse warehouse, String purpose) {
        String name = "cohort_" + purpose + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        warehouse.execute("CREATE ROLE " + name + " LOGIN");
        return new TestRole(warehouse, name);
    }

    String name() {
        return name;
    }

    /** Lets the role create tables in schema public. */
    TestRole mayCreateTables() {
        warehouse.execute("GRANT CREATE ON SCHEMA public TO " + name);
        return this;
    }

    @Override
    public void close() {
        warehouse.execute("DROP OWNED BY " + name, "DROP ROLE " + name);
    }
}

package dev.cohort.testing.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An empty PostgreSQL database of its own, {@code cohort_test_<random>}, dropped when done.
 *
 * <p>As a JUnit extension: in a {@code static} field, one database for the test class; in an
 * instance field, a fresh one for each test.
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();
 * ... MetadataStores.open(DATABASE.jdbcUrl()) ...
 * }</pre>
 * By hand: {@code try (var database = PostgresTestDatabase.create()) { ... }}.
 *
 * <p>The server is {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}, or the JDBC URL in
 * the environment variable {@code COHORT_TEST_PG_URL} (or system property {@code cohort.test.pg.url})
 * of any database there from which the user may create databases; its host, port, user, password and
 * other parameters carry over to {@link #jdbcUrl()}. When the server cannot be reached, creating the
 * database throws, so the tests fail with a message saying how to start PostgreSQL: they are never
 * skipped. Not for concurrent use by several threads while being created or dropped.
 */
public final class PostgresTestDatabase
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    private final PostgresTestServer server = PostgresTestServer.fromEnvironment();
    private String name;
    private boolean perClass;

    /** For {@code @RegisterExtension}: the database is created before the class or the test. */
    public PostgresTestDatabase() {}

    /** Creates a database now; {@link #close()} drops it. */
    public static PostgresTestDatabase create() {
        PostgresTestDatabase database = new PostgresTestDatabase();
        database.name = database.server.createDatabase();
        return database;
    }

    /** {@code cohort_test_<12 hex digits>}. */
    public String name() {
        requireCreated();
        return name;
    }

    /** The database's JDBC URL, with the server's user (and password, if it has one) as parameters. */
    public String jdbcUrl() {
        requireCreated();
        return server.urlOf(name);
    }

    /** Drops the database, closing connections still open to it. Does nothing if it is already dropped. */
    @Override
    public void close() {
        if (name != null) {
            String dropped = name;
            name = null;
            server.dropDatabase(dropped);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        name = server.createDatabase();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (name == null) {
            name = server.createDatabase();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public String toString() {
        return "PostgresTestDatabase[" + (name == null ? "not created" : name) + "]";
    }

    private void requireCreated() {
        if (name == null) {
            throw new IllegalStateException("The test database is not created: register PostgresTestDatabase with "
                    + "@RegisterExtension, or use PostgresTestDatabase.create()");
        }
    }
}

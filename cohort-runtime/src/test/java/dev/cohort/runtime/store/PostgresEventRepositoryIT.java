package dev.cohort.runtime.store;

import dev.cohort.testing.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEventRepositoryIT extends EventRepositoryContract {
    @RegisterExtension
    final PostgresTestDatabase database = new PostgresTestDatabase();

    @Override
    protected String storeUrl() {
        return database.jdbcUrl();
    }
}

package dev.cohort.runtime.store;

import dev.cohort.testing.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresRunRepositoryIT extends RunRepositoryContract {
    @RegisterExtension
    final PostgresTestDatabase database = new PostgresTestDatabase();

    @Override
    protected String storeUrl() {
        return database.jdbcUrl();
    }
}

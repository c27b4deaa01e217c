package dev.cohort.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.Driver;

/**
 * A PostgreSQL store behind a HikariCP pool. Opening it makes one connection first, so that a wrong
 * host, login or database fails within seconds with its own message instead of a pool error.
 */
final class PostgresDatabase implements Database {
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int MAXIMUM_POOL_SIZE = 10;
    private static final long POOL_WAIT_MILLIS = 15_000;

    private final PostgresFailures failures;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private PostgresDatabase(PostgresFailures failures, HikariDataSource pool) {
        this.failures = failures;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    static PostgresDatabase open(PostgresUrl url) {
        PostgresFailures failures = new PostgresFailures(url);
        Properties properties = driverProperties();
        url.user().ifPresent(user -> properties.setProperty("user", user));
        url.password().ifPresent(password -> properties.setProperty("password", password));
        try {
            new Driver().connect(url.jdbcUrlWithoutCredentials(), properties).close();
        } catch (SQLException e) {
            throw failures.onConnect(e);
        }

        HikariConfig config = new HikariConfig();
        config.setPoolName("cohort-metadata-postgresql");
        config.setJdbcUrl(url.jdbcUrlWithoutCredentials());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setDataSourceProperties(driverProperties());
        config.setMaximumPoolSize(MAXIMUM_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(POOL_WAIT_MILLIS);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            SQLException sql = Causes.find(e, SQLException.class);
            throw sql == null ? e : failures.onConnect(sql);
        }
        try {
            Migrations.migrate(pool, Dialect.POSTGRESQL, url.location() + "/" + url.database(),
                    e -> failures.during("migrating", e));
            return new PostgresDatabase(failures, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    @Override
    public <T> T write(Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }

    @Override
    public StoreException failure(String action, JdbiException cause) {
        SQLException sql = Causes.find(cause, SQLException.class);
        return sql != null ? failures.during(action, sql)
                : new StoreException(StoreException.STORE_FAILURE, "The PostgreSQL metadata store failed while "
                        + action + ".", cause);
    }

    @Override
    public void close() {
        pool.close();
    }

    private static Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(2 * CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "cohort");
        return properties;
    }
}

package dev.cohort.runtime.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/** Tokens and users, on either backend. Thread-safe. */
final class JdbcAccessRepository implements AccessRepository {
    private static final String TOKEN_COLUMNS = "id, name, role, created_at, last_used_at, revoked_at";
    private static final String USER_COLUMNS = "id, name, role, password_hash, created_at, updated_at";

    private final Database database;

    JdbcAccessRepository(Database database) {
        this.database = database;
    }

    @Override
    public ApiToken createToken(String name, String role, String tokenHash, Instant now) {
        JdbcMetadataStore.requireText(name, "name");
        return unique("token", name, () -> database.write(handle -> handle
                .createQuery("INSERT INTO api_tokens (name, role, token_hash, created_at) VALUES (:name, :role, :hash, :now)"
                        + " RETURNING " + TOKEN_COLUMNS)
                .bind("name", name)
                .bind("role", role)
                .bind("hash", tokenHash)
                .bind("now", database.dialect().timestamp(now))
                .map(tokenMapper())
                .one()));
    }

    @Override
    public Optional<ApiToken> useToken(String tokenHash, Instant now) {
        return guarded("checking an API token", () -> database.write(handle -> handle
                .createQuery("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash AND revoked_at IS NULL"
                        + " RETURNING " + TOKEN_COLUMNS)
                .bind("hash", tokenHash)
                .bind("now", database.dialect().timestamp(now))
                .map(tokenMapper())
                .findOne()));
    }

    @Override
    public List<ApiToken> tokens() {
        return guarded("listing API tokens", () -> database.read(handle -> handle
                .createQuery("SELECT " + TOKEN_COLUMNS + " FROM api_tokens ORDER BY name")
                .map(tokenMapper())
                .list()));
    }

    @Override
    public boolean revokeToken(String name, Instant now) {
        return guarded("revoking API token '" + name + "'", () -> database.write(handle -> handle
                .createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE name = :name AND revoked_at IS NULL")
                .bind("name", name)
                .bind("now", database.dialect().timestamp(now))
                .execute() == 1));
    }

    @Override
    public User createUser(String name, String role, String passwordHash, Instant now) {
        JdbcMetadataStore.requireText(name, "name");
        return unique("user", name, () -> database.write(handle -> handle
                .createQuery("INSERT INTO users (name, role, password_hash, created_at, updated_at)"
                        + " VALUES (:name, :role, :hash, :now, :now) RETURNING " + USER_COLUMNS)
                .bind("name", name)
                .bind("role", role)
                .bind("hash", passwordHash)
                .bind("now", database.dialect().timestamp(now))
                .map(userMapper())
                .one()));
    }

    @Override
    public Optional<User> findUser(String name) {
        return guarded("reading user '" + name + "'", () -> database.read(handle -> handle
                .createQuery("SELECT " + USER_COLUMNS + " FROM users WHERE name = :name")
                .bind("name", name)
                .map(userMapper())
                .findOne()));
    }

    @Override
    public List<User> users() {
        return guarded("listing users", () -> database.read(handle -> handle
                .createQuery("SELECT " + USER_COLUMNS + " FROM users ORDER BY name")
                .map(userMapper())
                .list()));
    }

    @Override
    public boolean updateUser(String name, String role, String passwordHash, Instant now) {
        return guarded("updating user '" + name + "'", () -> database.write(handle -> handle
                .createUpdate("UPDATE users SET role = :role, password_hash = :hash, updated_at = :now WHERE name = :name")
                .bind("name", name)
                .bind("role", role)
                .bind("hash", passwordHash)
                .bind("now", database.dialect().timestamp(now))
                .execute() == 1));
    }

    @Override
    public boolean deleteUser(String name) {
        return guarded("deleting user '" + name + "'", () -> database.write(handle -> handle
                .createUpdate("DELETE FROM users WHERE name = :name")
                .bind("name", name)
                .execute() == 1));
    }

    private RowMapper<ApiToken> tokenMapper() {
        Dialect dialect = database.dialect();
        return (row, context) -> new ApiToken(row.getLong("id"), row.getString("name"), row.getString("role"),
                dialect.readTimestamp(row, "created_at"),
                row.getObject("last_used_at") == null ? null : dialect.readTimestamp(row, "last_used_at"),
                row.getObject("revoked_at") == null ? null : dialect.readTimestamp(row, "revoked_at"));
    }

    private RowMapper<User> userMapper() {
        Dialect dialect = database.dialect();
        return (row, context) -> new User(row.getLong("id"), row.getString("name"), row.getString("role"),
                row.getString("password_hash"), dialect.readTimestamp(row, "created_at"),
                dialect.readTimestamp(row, "updated_at"));
    }

    private <T> T unique(String what, String name, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            SQLException sql = Causes.find(e, SQLException.class);
            if (sql != null && database.dialect().isUniqueViolation(sql)) {
                throw new StoreException(StoreException.ALREADY_EXISTS, "A " + what + " named '" + name
                        + "' already exists. Choose another name" + ("token".equals(what) ? ", or revoke the old one first." : "."));
            }
            throw database.failure("creating " + what + " '" + name + "'", e);
        }
    }

    private <T> T guarded(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw database.failure(action, e);
        }
    }
}

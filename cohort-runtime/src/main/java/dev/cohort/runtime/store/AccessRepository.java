package dev.cohort.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may use the API, for every workspace of the store: API tokens (only their hash is kept) and users
 * with passwords (only a slow hash is kept). Roles are names ({@code USER}, {@code OPERATOR},
 * {@code ADMINISTRATOR}) the server interprets.
 */
public interface AccessRepository {
    record ApiToken(long id, String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    record User(long id, String name, String role, String passwordHash, Instant createdAt, Instant updatedAt) {
        @Override
        public String toString() {
            return "User[" + name + ", " + role + "]";
        }
    }

    /** Fails with {@link StoreException#ALREADY_EXISTS} if a token has that name. */
    ApiToken createToken(String name, String role, String tokenHash, Instant now);

    /** The token with this hash, if it exists and is not revoked; records its use. */
    Optional<ApiToken> useToken(String tokenHash, Instant now);

    List<ApiToken> tokens();

    /** False if there is no active token of that name. */
    boolean revokeToken(String name, Instant now);

    /** Fails with {@link StoreException#ALREADY_EXISTS} if a user has that name. */
    User createUser(String name, String role, String passwordHash, Instant now);

    Optional<User> findUser(String name);

    List<User> users();

    /** False if there is no such user. */
    boolean updateUser(String name, String role, String passwordHash, Instant now);

    boolean deleteUser(String name);
}

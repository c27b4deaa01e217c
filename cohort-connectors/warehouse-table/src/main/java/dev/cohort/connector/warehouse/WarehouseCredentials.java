package dev.cohort.connector.warehouse;

import java.util.Objects;
import java.util.Optional;

/**
 * Who logs in to the database: the credential's {@code username} and {@code password} (absent for a
 * server that trusts the connection, or authenticates by client certificate). {@link #toString()} shows
 * neither: every value of a credential is treated as secret.
 */
public record WarehouseCredentials(String username, String password) {
    public WarehouseCredentials {
        Objects.requireNonNull(username, "username");
    }

    public Optional<String> optionalPassword() {
        return Optional.ofNullable(password);
    }

    @Override
    public String toString() {
        return "WarehouseCredentials[username=****, password=" + (password == null ? "none" : "****") + "]";
    }
}

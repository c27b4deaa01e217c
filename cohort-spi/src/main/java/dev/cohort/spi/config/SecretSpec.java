package dev.cohort.spi.config;

import java.util.Objects;

/**
 * A secret value a plugin reads from its credential ({@code password}, {@code private_key}).
 *
 * @param required whether every credential of this plugin must hold it (a plugin that needs "one of
 *                 password or private_key" declares both optional and checks in {@code configure})
 */
public record SecretSpec(String name, boolean required, String description) {
    public SecretSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}

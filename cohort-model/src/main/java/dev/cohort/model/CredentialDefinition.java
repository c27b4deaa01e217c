package dev.cohort.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A secret for one plugin type (SSH key, password, API token…), as references to where each value is.
 *
 * @param type   the plugin type it is for ({@code sftp}, {@code insider-one}, …)
 * @param values named secret values, e.g. {@code password → ${env:KOUPON_PASSWORD}}
 */
public record CredentialDefinition(String name, String description, String type, Map<String, SecretRef> values) {
    public CredentialDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        values = Map.copyOf(new TreeMap<>(values));
    }
}

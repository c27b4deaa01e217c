package dev.cohort.model;

import java.util.Map;
import java.util.Objects;

/**
 * A configured destination plugin.
 *
 * @param type       the destination type ({@code sftp}, {@code koupon-media}, …)
 * @param credential the credential's name, or null when the type needs none
 * @param settings   the type's settings as written in the workspace; the type binds them to its own
 *                   typed configuration
 * @param adminOnly  only administrators may use it
 * @param piiAllowed PII may be sent to it
 */
public record DestinationDefinition(String name, String description, String type, String credential,
                                    Map<String, Object> settings, boolean adminOnly, boolean piiAllowed) {
    public DestinationDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        settings = Map.copyOf(settings);
    }
}

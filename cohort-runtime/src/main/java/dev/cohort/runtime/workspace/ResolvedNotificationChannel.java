package dev.cohort.runtime.workspace;

import dev.cohort.model.NotificationChannelDefinition;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stored notification channel with its credential's values opened: what a sender is built from (the
 * webhook's {@code secret}, the SMTP {@code username} and {@code password}). {@link #toString()} names
 * the values it holds, never shows them.
 *
 * @param definition the channel as applied
 * @param secrets    its credential's values by name; empty when it has no credential
 */
public record ResolvedNotificationChannel(NotificationChannelDefinition definition, Map<String, String> secrets) {
    public ResolvedNotificationChannel {
        Objects.requireNonNull(definition, "definition");
        secrets = Map.copyOf(secrets);
    }

    public String name() {
        return definition.name();
    }

    /** One of the credential's values: {@code secret}, {@code username}, {@code password}. */
    public Optional<String> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public String toString() {
        return "ResolvedNotificationChannel[definition=" + definition + ", secrets="
                + new TreeMap<>(secrets).keySet().stream().map(key -> key + "=***").toList() + "]";
    }
}

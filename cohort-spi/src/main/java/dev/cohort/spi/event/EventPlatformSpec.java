package dev.cohort.spi.event;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.destination.RateLimit;
import java.util.List;
import java.util.Objects;

/**
 * What an event platform declares about itself.
 *
 * @param name           the name used in workspaces and URLs ({@code eagle-eye-air}, {@code braze}); lower-case, dashes
 * @param displayName    the name shown to people ("Braze")
 * @param credentialType the credential type its credential must have
 * @param settings       the settings it takes (base URL, mappings, batch size)
 * @param secrets        the values it reads from its credential
 * @param rateLimit      its requests limit, enforced by the runtime per credential; null when none is published
 * @param maxBatch       the most events one {@code send} takes (Braze: 75 per array); 1 for one at a time
 */
public record EventPlatformSpec(String name, String displayName, String credentialType, List<SettingSpec> settings,
                                List<SecretSpec> secrets, RateLimit rateLimit, int maxBatch) {
    public EventPlatformSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(credentialType, "credentialType");
        settings = List.copyOf(settings);
        secrets = List.copyOf(secrets);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("platform names are lower-case with dashes: " + name);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch is at least 1");
        }
    }
}

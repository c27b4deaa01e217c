package dev.cohort.spi.destination;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a destination type declares about itself; from this one declaration Cohort checks workspaces,
 * builds forms and writes docs.
 *
 * @param type           the name used in workspaces ({@code sftp}, {@code koupon-media}); lower-case, dashes
 * @param displayName    the name shown to people ("Koupon Media")
 * @param description    one sentence
 * @param credentialType the credential type its credential must have ({@code sftp}), or null when it takes none
 * @param template       what a data template for this type must provide
 * @param settings       the settings it takes
 * @param secrets        the values it reads from its credential
 * @param capabilities   what it can do beyond taking a query's rows
 * @param rateLimit      the partner's limit, enforced by the runtime; null when there is none
 * @param retryPolicy    how failed deliveries are retried
 */
public record DestinationSpec(String type, String displayName, String description, String credentialType,
                              TemplateContract template, List<SettingSpec> settings, List<SecretSpec> secrets,
                              Set<Capability> capabilities, RateLimit rateLimit, RetryPolicy retryPolicy) {
    public DestinationSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(template, "template");
        settings = List.copyOf(settings);
        secrets = List.copyOf(secrets);
        capabilities = Set.copyOf(capabilities);
        retryPolicy = retryPolicy == null ? RetryPolicy.NONE : retryPolicy;
        if (!type.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("destination type must be lower-case with dashes: " + type);
        }
    }

    /** A spec with only a name and a template contract: for tests and simple plugins. */
    public DestinationSpec(String type, String displayName, String description, TemplateContract template) {
        this(type, displayName, description, null, template, List.of(), List.of(), Set.of(), null, RetryPolicy.NONE);
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public Optional<RateLimit> optionalRateLimit() {
        return Optional.ofNullable(rateLimit);
    }
}

package dev.cohort.testing.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings and credential values that are wrong in several ways at once, and the fields whose problems
 * {@code configure} must report — all of them, in one {@link dev.cohort.spi.config.ConfigException}.
 *
 * @param settings       the settings as a workspace would hold them
 * @param secrets        the credential's values
 * @param expectedFields every field a problem must be reported for ({@code port}, {@code credential.private_key})
 */
public record InvalidConfiguration(Map<String, Object> settings, Map<String, String> secrets, Set<String> expectedFields) {
    public InvalidConfiguration {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
        expectedFields = Set.copyOf(expectedFields);
        if (expectedFields.size() < 2) {
            throw new IllegalArgumentException("an invalid configuration should be wrong in at least two ways, to prove that every"
                    + " problem is reported at once; expected fields: " + List.copyOf(expectedFields));
        }
    }
}

package dev.cohort.connector.crowdtwist;

import dev.cohort.connector.files.FileDeliveryOptions;
import dev.cohort.connector.files.SftpEndpoint;
import java.util.Objects;

/**
 * A configured CrowdTwist segment destination. Immutable; its {@code toString} masks the credential.
 *
 * @param idColumn the member column's header as set, or null to take the template field's name
 */
public record CrowdTwistConfig(SftpEndpoint endpoint, FileDeliveryOptions delivery, String idColumn) {
    public CrowdTwistConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(delivery, "delivery");
    }
}

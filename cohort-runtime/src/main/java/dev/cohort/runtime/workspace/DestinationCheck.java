package dev.cohort.runtime.workspace;

import dev.cohort.model.DestinationDefinition;
import java.util.Map;
import java.util.Optional;

/** Tests a destination's connection when it is saved: empty when it works, else what failed. */
@FunctionalInterface
public interface DestinationCheck {
    DestinationCheck SKIP = (destination, secrets) -> Optional.empty();

    Optional<String> failure(DestinationDefinition destination, Map<String, String> secrets);
}

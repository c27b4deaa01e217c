package dev.cohort.runtime.run;

import java.time.ZoneId;
import java.util.List;

/**
 * Everything a run needs, resolved before it starts: the destination bound to its configuration and
 * the deliveries (one for a query, one per table for a database export).
 *
 * @param rateKey   what the destination's rate limit is shared by (type and credential)
 * @param followUps the runs a full run's success requests (orchestrations with {@code workflow: {after: …}})
 */
record PreparedRun(String orchestration, ConfiguredDestination destination, List<Delivery> deliveries, ZoneId timeZone,
                   String rateKey, List<dev.cohort.runtime.store.RunRepository.FollowUp> followUps) {
    PreparedRun {
        deliveries = List.copyOf(deliveries);
        followUps = List.copyOf(followUps);
    }
}

package dev.cohort.spi.event;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.RequestPermits;
import java.util.Optional;

/**
 * A loyalty platform an event connector links (Eagle Eye AIR): it reports what happens to consumers as
 * notifications, which {@link #readNotification} turns into {@link LoyaltyEvent}s, and it rewards consumers
 * for {@link Trigger}s. Found with {@code ServiceLoader}; stateless and thread-safe.
 *
 * @param <C> the typed configuration (credentials and base URL), its secrets masked in {@code toString}
 */
public interface LoyaltyPlatform<C extends Record> {
    EventPlatformSpec spec();

    /** @throws dev.cohort.spi.config.ConfigException with every problem */
    C configure(Settings settings);

    /**
     * Reads one notification as received. An event of a type this platform does not know is returned with kind
     * {@link LoyaltyEvent.Kind#OTHER} (accepted, counted, not forwarded unless asked); empty when the body is a
     * well-formed notification that is not an event (a health ping).
     *
     * @throws NotificationRejectedException with every problem, by JSON path, when it cannot be read
     */
    Optional<LoyaltyEvent> readNotification(C config, byte[] body);

    /**
     * Asks the platform to run the trigger's actions for its consumer. Takes a permit before each request.
     *
     * @throws dev.cohort.spi.destination.PartnerException classified: transient (retried) or permanent (dead letter)
     */
    TriggerResult trigger(C config, Trigger trigger, RequestPermits permits) throws InterruptedException;
}

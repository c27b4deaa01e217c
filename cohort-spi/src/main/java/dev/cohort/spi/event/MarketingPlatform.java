package dev.cohort.spi.event;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.RequestPermits;
import java.util.List;

/**
 * A marketing or customer data platform an event connector links (Braze): it takes loyalty events as its own
 * events and attributes of the consumer named by {@code identity}. Found with {@code ServiceLoader}; stateless
 * and thread-safe.
 *
 * @param <C> the typed configuration (API key, endpoint, mappings, batch size), its secrets masked in {@code toString}
 */
public interface MarketingPlatform<C extends Record> {
    EventPlatformSpec spec();

    /** @throws dev.cohort.spi.config.ConfigException with every problem */
    C configure(Settings settings);

    /**
     * Sends {@code events}, in order, in as few requests as the platform's limits allow, taking a permit before
     * each request; returns one outcome per event, in the same order. Never throws for a platform failure: a
     * failed request gives every event in it a {@link DeliveryOutcome.Retry} or {@link DeliveryOutcome.Rejected}.
     *
     * @param events each with the identity value it is sent for (the identity of the connector's configured type)
     */
    List<DeliveryOutcome> send(C config, List<AddressedEvent> events, RequestPermits permits) throws InterruptedException;

    /** A loyalty event and the consumer it is for, as the marketing platform knows them ({@code external_id}). */
    record AddressedEvent(LoyaltyEvent event, String externalId) {}
}

/**
 * The event connector SPI: the two platforms an event connector links. A {@link dev.cohort.spi.event.LoyaltyPlatform}
 * (Eagle Eye AIR) reports what happens to consumers as notifications, read into {@link dev.cohort.spi.event.LoyaltyEvent}s,
 * and issues rewards for {@link dev.cohort.spi.event.Trigger}s; a {@link dev.cohort.spi.event.MarketingPlatform} (Braze)
 * takes loyalty events as its own events and attributes. The runtime owns everything between them: the durable
 * event queue, deduplication, ordering per wallet, retries with back-off, dead letters and rate limits.
 */
package dev.cohort.spi.event;

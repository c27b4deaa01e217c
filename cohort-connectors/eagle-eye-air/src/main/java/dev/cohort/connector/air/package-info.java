/**
 * {@code eagle-eye-air}: Eagle Eye AIR as the loyalty platform of event connectors. Outbound, AIR's event
 * notifications (the envelope of headers, request, response, atomic operations and enrichment data) are read into
 * loyalty events with the facts a marketer needs; inbound, triggers become signed {@code services/trigger} calls.
 * The runtime owns the queue, deduplication on {@code eesEventId}, retries and dead letters.
 *
 * <p>{@code eagle-eye-air-trigger}: the same triggers as an orchestration's destination, one per row of a query,
 * each with an idempotency key per reward, consumer and action, so a rerun never rewards twice.
 */
package dev.cohort.connector.air;

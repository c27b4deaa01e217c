package dev.cohort.runtime.event;

import dev.cohort.spi.event.LoyaltyEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What intake read of the notifications this node accepted lately, by event id, so that delivering them here does
 * not parse the stored notification a second time. The stored payload stays the truth: an event not found here
 * (claimed after a restart, by another node's loop, or pushed out by newer ones) is read from the store, and an entry
 * counts only for the same bound connector (a connector changed since reads its events afresh). Holds at most
 * {@value #CAPACITY} events, the newest; thread-safe.
 */
final class ReadEvents {
    static final int CAPACITY = 4_096;

    private record Read(Object connector, LoyaltyEvent event) {}

    private final Map<Long, Read> reads = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Read> eldest) {
            return size() > CAPACITY;
        }
    };

    /** @param connector the bound connector that read it (compared by identity) */
    synchronized void put(long eventId, Object connector, LoyaltyEvent event) {
        reads.put(eventId, new Read(connector, event));
    }

    /** What intake read of the event through {@code connector} — once; null when not kept. */
    synchronized LoyaltyEvent take(long eventId, Object connector) {
        Read read = reads.remove(eventId);
        return read != null && read.connector() == connector ? read.event() : null;
    }

    synchronized int size() {
        return reads.size();
    }
}

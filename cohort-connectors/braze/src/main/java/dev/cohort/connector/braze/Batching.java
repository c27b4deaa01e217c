package dev.cohort.connector.braze;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a send's events into {@code /users/track} requests, in order, each within the configured number of objects
 * (per array, or all arrays together) and within {@link #MAX_REQUEST_BYTES}. An event's objects always travel
 * together, so Braze's answer about them comes in one answer.
 */
final class Batching {
    /**
     * The most bytes of one request body. Braze publishes no body limit for {@code /users/track}; it documents 2 MB
     * for {@code /users/track/bulk}, and Cohort keeps to that. A {@code 413} still splits a request in halves.
     */
    static final long MAX_REQUEST_BYTES = 2_000_000;

    private Batching() {}

    /** Whether {@code item} fits in a request on its own. */
    static boolean fitsAlone(TrackRequest.Item item, long maxBytes) {
        return TrackRequest.FRAME_BYTES + item.bytes() <= maxBytes;
    }

    static List<TrackRequest> requests(List<TrackRequest.Item> items, BrazeConfig config, long maxBytes) {
        List<TrackRequest> requests = new ArrayList<>();
        List<TrackRequest.Item> current = new ArrayList<>();
        int[] perArray = new int[TrackRequest.Array.values().length];
        int total = 0;
        long bytes = TrackRequest.FRAME_BYTES;
        for (TrackRequest.Item item : items) {
            if (!current.isEmpty() && !fits(item, perArray, total, bytes, config, maxBytes)) {
                requests.add(new TrackRequest(current));
                current = new ArrayList<>();
                perArray = new int[perArray.length];
                total = 0;
                bytes = TrackRequest.FRAME_BYTES;
            }
            current.add(item);
            for (TrackRequest.Array array : TrackRequest.Array.values()) {
                perArray[array.ordinal()] += item.count(array);
            }
            total += item.objects();
            bytes += item.bytes();
        }
        if (!current.isEmpty()) {
            requests.add(new TrackRequest(current));
        }
        return requests;
    }

    private static boolean fits(TrackRequest.Item item, int[] perArray, int total, long bytes, BrazeConfig config, long maxBytes) {
        if (bytes + item.bytes() > maxBytes) {
            return false;
        }
        if (config.batchCounting() == BatchCounting.COMBINED) {
            return total + item.objects() <= config.batchSize();
        }
        for (TrackRequest.Array array : TrackRequest.Array.values()) {
            if (perArray[array.ordinal()] + item.count(array) > config.batchSize()) {
                return false;
            }
        }
        return true;
    }
}

package dev.cohort.sandbox.braze;

import java.time.Duration;
import java.time.Instant;

/**
 * One API key's rate limit: at most {@code limit} requests in each window of fixed length, windows aligned to the
 * epoch (with a 3-second window: 09:30:00–09:30:03, 09:30:03–09:30:06, …), so a test clock can hold one still.
 * Every answer reports the window as Braze's {@code X-RateLimit-*} headers do. Thread-safe.
 */
final class BrazeRateLimit {
    /** The state of the window after one request: admitted or not, and the header values. */
    record Window(boolean admitted, int limit, int remaining, long resetEpochSeconds) {
    }

    private final int limit;
    private final long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private int used;

    BrazeRateLimit(int limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    /** Takes one request at {@code now}, if the window has room. */
    synchronized Window take(Instant now) {
        turn(now);
        boolean admitted = used < limit;
        if (admitted) {
            used++;
        }
        return window(admitted, limit - used);
    }

    /** The window at {@code now} as if it were full: for a 429 made by a fault. */
    synchronized Window full(Instant now) {
        turn(now);
        return window(false, 0);
    }

    private void turn(Instant now) {
        long millis = now.toEpochMilli();
        long start = millis - Math.floorMod(millis, windowMillis);
        if (start != windowStart) {
            windowStart = start;
            used = 0;
        }
    }

    private Window window(boolean admitted, int remaining) {
        long end = windowStart + windowMillis;
        return new Window(admitted, limit, remaining, Math.floorDiv(end + 999, 1000));
    }
}

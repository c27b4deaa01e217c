package dev.cohort.connector.braze;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rate-limit window of one Braze API key as Braze reports it, shared by every send with that key in this process:
 * when Braze says no request remains ({@code X-RateLimit-Remaining: 0}) or answers {@code 429}, requests wait until
 * the window resets. Requests that start while some remain count themselves off, so concurrent senders do not all go
 * on the last one. Thread-safe.
 */
final class RateLimitPacer {
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition windowChanged = lock.newCondition();
    /** Requests left in the window, or -1 when unknown (no header yet, or the window has passed). */
    private long remaining = -1;
    private Instant resetAt;

    RateLimitPacer(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Waits until a request may go, and counts it off the window.
     *
     * @return null when it may go now; else the wait, longer than {@code maxWait}, until Braze's window resets — the
     *         caller does not send, and nothing was counted
     */
    Duration awaitTurn(Duration maxWait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = clock.instant();
                if (resetAt != null && !now.isBefore(resetAt)) {
                    remaining = -1; // the window is over; the next answer tells the new one
                    resetAt = null;
                }
                if (remaining != 0 || resetAt == null) {
                    if (remaining > 0) {
                        remaining--;
                    }
                    return null;
                }
                Duration wait = Duration.between(now, resetAt);
                if (wait.compareTo(maxWait) > 0) {
                    return wait;
                }
                windowChanged.awaitNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), wait.toNanos()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes what an answer's headers say about the window. */
    void observe(RateLimitHeaders headers) {
        if (headers.remaining() == null || headers.reset() == null) {
            return; // without both, nothing to pace by
        }
        lock.lock();
        try {
            if (resetAt == null || !headers.reset().equals(resetAt)) {
                if (resetAt == null || headers.reset().isAfter(resetAt)) {
                    resetAt = headers.reset();
                    remaining = headers.remaining();
                }
            } else {
                remaining = remaining < 0 ? headers.remaining() : Math.min(remaining, headers.remaining());
            }
            windowChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** After a {@code 429}: no request until {@code until}. */
    void exhaustedUntil(Instant until) {
        lock.lock();
        try {
            if (resetAt == null || until.isAfter(resetAt) || remaining != 0) {
                resetAt = until;
            }
            remaining = 0;
            windowChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** When the window is used up, its reset; else null. For messages and tests. */
    Instant blockedUntil() {
        lock.lock();
        try {
            return remaining == 0 && resetAt != null && clock.instant().isBefore(resetAt) ? resetAt : null;
        } finally {
            lock.unlock();
        }
    }
}

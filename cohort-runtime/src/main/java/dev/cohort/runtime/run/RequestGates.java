package dev.cohort.runtime.run;

import dev.cohort.spi.destination.RateLimit;
import dev.cohort.spi.destination.RequestPermits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Enforces the rate limits destination types declare: one gate per credential (or per destination, when it
 * has no credential) in this process, shared by every run sending with it, handing out
 * {@link RequestPermits} that connectors take before each request.
 *
 * <p>Permits are paced evenly at {@value #HEADROOM_PERCENT}% of the declared rate, one at a time, never in
 * bursts: a partner counting requests in fixed one-second windows (as Insider One's 100 per second) then sees
 * at most its limit in every window even when its clock and ours disagree and requests arrive with jitter, and
 * throughput stays within a few percent of the limit. No permit is promised ahead of time: the waiting callers
 * queue (fairly) and the first one takes the next permit when the bucket has it, so a stall of the process (a
 * garbage collection, a busy machine) delays the permits after it instead of releasing them together (at most
 * {@value #BURST} go out at once).
 *
 * <p>The gates are per process. Several Cohort nodes sharing one PostgreSQL store each pace their own runs,
 * so together they may exceed a partner's limit; the partner's 429 answers are then retried after its
 * {@code Retry-After} (the retry policy), which keeps every delivery correct. A gate shared through the store
 * would cost a database round trip per request and stop every delivery when the store is slow; run one
 * worker node, or keep runs of one credential on one node ({@code --per-destination}), where the limit must
 * hold exactly.
 */
public final class RequestGates {
    static final int HEADROOM_PERCENT = 98;
    /**
     * At most two permits at once: a waiter that wakes a little late keeps the permit it was due, so the pace holds
     * on average, and after a stall at most one extra request goes out, which the headroom absorbs.
     */
    static final int BURST = 2;
    private static final RequestGates SHARED = new RequestGates();

    private final Map<String, RequestPermits> gates = new ConcurrentHashMap<>();

    RequestGates() {}

    /** The gates of this process, shared by every run. */
    public static RequestGates shared() {
        return SHARED;
    }

    /**
     * The permits for requests under {@code limit} sent with {@code key} (destination type and credential);
     * {@link RequestPermits#UNLIMITED} when {@code limit} is null.
     */
    public RequestPermits permits(RateLimit limit, String key) {
        if (limit == null) {
            return RequestPermits.UNLIMITED;
        }
        return gates.computeIfAbsent(key + "|" + limit.requests() + "/" + limit.per(), k -> paced(limit));
    }

    /** The interval between two permits for {@code limit}: its period over its requests, with the headroom. */
    static Duration interval(RateLimit limit) {
        long nanos = limit.per().toNanos() * 100 / ((long) limit.requests() * HEADROOM_PERCENT);
        return Duration.ofNanos(Math.max(1, nanos));
    }

    private static RequestPermits paced(RateLimit limit) {
        Bucket bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(BURST).refillGreedy(1, interval(limit)).build())
                .build();
        ReentrantLock queue = new ReentrantLock(true);
        return () -> {
            queue.lockInterruptibly();
            try {
                for (ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1); !probe.isConsumed();
                        probe = bucket.tryConsumeAndReturnRemaining(1)) {
                    TimeUnit.NANOSECONDS.sleep(probe.getNanosToWaitForRefill());
                }
            } finally {
                queue.unlock();
            }
        };
    }
}

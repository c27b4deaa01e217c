package dev.cohort.runtime.run;

import dev.cohort.spi.destination.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces a destination type's declared rate limit, one bucket per credential in this process, so
 * every run sending with the same credential shares it. Each call to a writer's {@code write} is one
 * request.
 */
final class RateGate {
    private static final Map<String, Bucket> BUCKETS = new ConcurrentHashMap<>();
    static final RateGate OPEN = new RateGate(null);

    private final Bucket bucket;

    private RateGate(Bucket bucket) {
        this.bucket = bucket;
    }

    /** The gate for {@code limit} shared by everyone using {@code key} (destination type + credential). */
    static RateGate of(RateLimit limit, String key) {
        if (limit == null) {
            return OPEN;
        }
        Bucket bucket = BUCKETS.computeIfAbsent(key + "|" + limit, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillIntervally(limit.requests(), limit.per()).build())
                .build());
        return new RateGate(bucket);
    }

    void acquire() throws InterruptedException {
        if (bucket != null) {
            bucket.asBlocking().consume(1);
        }
    }
}

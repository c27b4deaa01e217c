package dev.cohort.connector.braze;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link RateLimitPacer} per Braze API key (and endpoint) in this process. Keys are held as SHA-256 digests, never
 * as themselves. Thread-safe.
 */
final class RateLimitPacers {
    /** The pacers of every Braze platform in this process. */
    static final RateLimitPacers SHARED = new RateLimitPacers(InstantSource.system());

    private final InstantSource clock;
    private final ConcurrentMap<String, RateLimitPacer> pacers = new ConcurrentHashMap<>();

    RateLimitPacers(InstantSource clock) {
        this.clock = clock;
    }

    RateLimitPacer forKey(BrazeConfig config) {
        return pacers.computeIfAbsent(digest(config.restEndpoint() + "\n" + config.apiKey()), key -> new RateLimitPacer(clock));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

package dev.cohort.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that a user's password was verified, so that a script sending HTTP Basic with every
 * request does not pay Argon2 (tens of milliseconds of CPU, by design) each time. What is kept is an HMAC of the
 * password under a key made at random when the process starts — never the password — together with the stored hash
 * it was checked against: a changed password (a new hash) or an expired entry means Argon2 again, and so does every
 * password that does not match (guessing stays as slow as Argon2 makes it). Thread-safe.
 */
final class VerifiedPasswords {
    static final Duration REMEMBER = Duration.ofMinutes(5);

    private record Verified(String storedHash, byte[] mac, Instant until) {}

    private final BiPredicate<String, String> verifier;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** @param verifier the slow check: (password, stored hash) → whether they match */
    VerifiedPasswords(BiPredicate<String, String> verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether {@code password} is the one {@code storedHash} was made from; remembers a match for user {@code name}. */
    boolean matches(String name, String password, String storedHash) {
        byte[] mac = mac(password);
        Instant now = clock.instant();
        Verified known = verified.get(name);
        if (known != null && known.storedHash().equals(storedHash) && now.isBefore(known.until())
                && MessageDigest.isEqual(known.mac(), mac)) {
            return true;
        }
        if (!verifier.test(password, storedHash)) {
            return false;
        }
        verified.put(name, new Verified(storedHash, mac, now.plus(REMEMBER)));
        return true;
    }

    private byte[] mac(String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

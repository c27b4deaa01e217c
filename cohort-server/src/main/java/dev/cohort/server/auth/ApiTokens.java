package dev.cohort.server.auth;

import dev.cohort.runtime.store.AccessRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API tokens: 256 random bits, shown once when created; only their SHA-256 is stored (a token is as
 * strong as a key, so a slow hash would add nothing but latency to every request).
 */
public final class ApiTokens {
    /** Tokens start with this, so a leaked one is easy to recognise and search for. */
    public static final String PREFIX = "cohort_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessRepository access;
    private final Clock clock;

    public ApiTokens(AccessRepository access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** A new token and its record; the token itself is in no store or log, so show it to the person now. */
    public record Created(String token, AccessRepository.ApiToken record) {
        @Override
        public String toString() {
            return "Created[" + record.name() + "]";
        }
    }

    public Created create(String name, Role role) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Created(token, access.createToken(name, role.name(), hash(token), clock.instant()));
    }

    /** The active token's role, if {@code token} is one. */
    public Optional<Authenticated> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return access.useToken(hash(token), clock.instant())
                .flatMap(record -> Role.parse(record.role()).map(role -> new Authenticated("token:" + record.name(), role)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Who made a request: {@code token:<name>} or {@code user:<name>}, and their role. */
    public record Authenticated(String principal, Role role) {}
}

package dev.cohort.runtime.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code sha256} rule: SHA-256 of the value's UTF-8 bytes as 64 lower-case hex digits. Every string
 * is hashed, the empty one included. Not thread-safe: it keeps one {@link MessageDigest}.
 */
final class Sha256Hasher {
    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest digest = digest("SHA-256");

    String hash(String value) {
        return HEX.formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new digest; every JDK has SHA-256 and SHA-1, so a missing one is a broken runtime. */
    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no " + algorithm, e);
        }
    }
}

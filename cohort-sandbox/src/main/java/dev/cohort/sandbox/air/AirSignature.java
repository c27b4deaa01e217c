package dev.cohort.sandbox.air;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * AIR's request signature, {@code X-EES-AUTH-HASH}: the lower-case hex SHA-256 of the request's path, its query
 * (with the {@code ?}, when there is one), its body and the client secret, concatenated as UTF-8 bytes. For
 * {@code POST /2.0/services/trigger} with body {@code B}: {@code sha256_hex("/2.0/services/trigger" + B + secret)}.
 */
public final class AirSignature {
    private AirSignature() {
    }

    /**
     * @param pathAndQuery the raw (still percent-encoded) path and, if any, {@code ?} and the raw query
     * @param body the body bytes exactly as sent; empty for a GET
     * @param clientSecret the client's secret
     */
    public static String hash(String pathAndQuery, byte[] body, String clientSecret) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        sha256.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        sha256.update(clientSecret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Whether {@code given} is the hash of this request (hex in either case), compared in constant time. */
    static boolean matches(String given, String pathAndQuery, byte[] body, String clientSecret) {
        if (given == null) {
            return false;
        }
        byte[] expected = hash(pathAndQuery, body, clientSecret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}

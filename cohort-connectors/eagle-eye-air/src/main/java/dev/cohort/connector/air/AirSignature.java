package dev.cohort.connector.air;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * AIR's request signature: {@code X-EES-AUTH-HASH = sha256_hex(path + query + body + client_secret)}, where the
 * path is the request's path as sent (with any prefix of the base URL, e.g. {@code /services/trigger}) and the
 * query is {@code ?a=b} when there is one, else nothing. AIR recomputes it with the secret it holds for
 * {@code X-EES-AUTH-CLIENT-ID}, so the secret itself never travels.
 */
public final class AirSignature {
    /** The header naming the client. */
    public static final String CLIENT_ID_HEADER = "X-EES-AUTH-CLIENT-ID";
    /** The header carrying the signature. */
    public static final String HASH_HEADER = "X-EES-AUTH-HASH";

    private AirSignature() {}

    /** The lower-case hex SHA-256 of {@code pathAndQuery + body + secret}, all UTF-8. */
    public static String hash(String pathAndQuery, byte[] body, String secret) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        sha256.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        sha256.update(secret.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** What is signed of {@code url}: its raw path, and {@code ?} with its raw query when it has one. */
    public static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}

package dev.cohort.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every webhook request, and how a receiver checks it. Cohort sends
 * <pre>
 * X-Cohort-Timestamp: 1772357403
 * X-Cohort-Signature: v1=be1a5d5ed6be36a13bb7fc933953da2127dfdc8b8e4f4bcba78ad8b580074418
 * </pre>
 * where the hex is HMAC-SHA256, keyed with the channel's secret (UTF-8), of the timestamp, a dot and the raw
 * request body: {@code timestamp + "." + body}. Signing the timestamp with the body lets the receiver refuse
 * a request replayed later. A receiver recomputes the signature over the bytes it received (before parsing
 * them) and calls {@link #verify}:
 * <pre>{@code
 * boolean genuine = WebhookSignature.verify(secret, request.header("X-Cohort-Timestamp"), body,
 *         request.header("X-Cohort-Signature"), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE);
 * }</pre>
 * The header may carry several space- or comma-separated signatures ({@code v1=… v1=…}); one match is enough.
 */
public final class WebhookSignature {
    /** The header naming this delivery, the same on every retry: receivers de-duplicate on it. */
    public static final String DELIVERY_HEADER = "X-Cohort-Delivery";
    /** The header holding the Unix time, in seconds, the request was signed at. */
    public static final String TIMESTAMP_HEADER = "X-Cohort-Timestamp";
    /** The header holding the signature(s). */
    public static final String SIGNATURE_HEADER = "X-Cohort-Signature";
    /** The version prefix of the signature scheme described here. */
    public static final String VERSION = "v1";
    /** How far a request's timestamp may be from the receiver's clock, either way, by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = VERSION + "=";

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE_HEADER} value for this body signed at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        Objects.requireNonNull(body, "body");
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /** {@link #sign(String, long, byte[])} for a body given as text (encoded as UTF-8). */
    public static String sign(String secret, long timestamp, String body) {
        return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a request is genuine: signed with {@code secret} over exactly this body and timestamp, and the
     * timestamp is within {@code tolerance} of {@code now}. Missing or malformed headers give {@code false};
     * the comparison takes the same time however much of the signature matches.
     *
     * @param secret          the channel's secret
     * @param timestamp       the {@value #TIMESTAMP_HEADER} header as received
     * @param body            the raw request body, as received
     * @param signatureHeader the {@value #SIGNATURE_HEADER} header as received
     * @param now             the receiver's clock
     * @param tolerance       how old (or how far ahead) a timestamp may be; {@link #DEFAULT_TOLERANCE} is usual
     */
    public static boolean verify(String secret, String timestamp, byte[] body, String signatureHeader, Instant now,
                                 Duration tolerance) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        if (timestamp == null || body == null || signatureHeader == null || !timestamp.matches("[0-9]{1,18}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : signatureHeader.trim().split("[\\s,]+")) {
            byte[] given = candidate.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    /** {@link #verify(String, String, byte[], String, Instant, Duration)} for a body given as text (UTF-8). */
    public static boolean verify(String secret, String timestamp, String body, String signatureHeader, Instant now,
                                 Duration tolerance) {
        return body != null
                && verify(secret, timestamp, body.getBytes(StandardCharsets.UTF_8), signatureHeader, now, tolerance);
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("The webhook secret is empty; signing needs the channel's secret.");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("This JDK cannot compute " + ALGORITHM + ", which every JDK has", e);
        }
    }
}

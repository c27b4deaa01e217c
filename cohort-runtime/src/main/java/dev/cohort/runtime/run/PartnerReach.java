package dev.cohort.runtime.run;

import dev.cohort.spi.destination.FileHost;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How partners reach back into Cohort during a run: the {@link FileHost} serving files they fetch, and each
 * run's callback URL for their reports. Only a Cohort server has them ({@link #NONE} elsewhere): a run in a
 * terminal cannot be fetched from or called back.
 *
 * <p>A callback URL is {@code <public URL>/callbacks/runs/<run id>/<token>}, the token an HMAC-SHA256 of the
 * run's id under a key derived from the workspace's master key: unguessable, different for every run, the
 * same on every node and after a restart, and checked without storing anything.
 */
public final class PartnerReach {
    /** The path under which callbacks are received. */
    public static final String CALLBACK_PATH = "/callbacks/runs";
    public static final PartnerReach NONE = new PartnerReach(null, null, null);

    private final FileHost files;
    private final java.util.function.Supplier<String> publicBaseUrl;
    private final byte[] callbackKey;

    private PartnerReach(FileHost files, java.util.function.Supplier<String> publicBaseUrl, byte[] callbackKey) {
        this.files = files;
        this.publicBaseUrl = publicBaseUrl;
        this.callbackKey = callbackKey;
    }

    /**
     * @param files         serves files partners fetch
     * @param publicBaseUrl the server's address as partners reach it ({@code https://cohort.example.com}), asked
     *                      when a run needs it (a server learns its port once listening)
     * @param callbackKey   the key callback tokens are made with (derived from the master key for this purpose)
     */
    public static PartnerReach of(FileHost files, java.util.function.Supplier<String> publicBaseUrl, byte[] callbackKey) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (callbackKey == null || callbackKey.length < 32) {
            throw new IllegalArgumentException("a callback key has at least 32 bytes");
        }
        return new PartnerReach(files, publicBaseUrl, callbackKey.clone());
    }

    /** The file host, or null when partners cannot fetch from here. */
    FileHost files() {
        return files;
    }

    /** Run {@code runId}'s callback URL, or null when partners cannot call back here. */
    URI callbackUrl(long runId) {
        if (publicBaseUrl == null) {
            return null;
        }
        String base = publicBaseUrl.get();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(base + CALLBACK_PATH + "/" + runId + "/" + token(runId));
    }

    /** Whether {@code token} is run {@code runId}'s, compared in constant time; always false for {@link #NONE}. */
    public boolean verify(long runId, String token) {
        if (callbackKey == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(token(runId).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(long runId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(callbackKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(("run-callback:" + runId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

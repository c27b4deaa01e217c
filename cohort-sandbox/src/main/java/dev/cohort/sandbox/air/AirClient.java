package dev.cohort.sandbox.air;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The API client the sandbox accepts: the id sent as {@code X-EES-AUTH-CLIENT-ID} and the secret that signs each
 * request ({@link AirSignature}). {@link #toString()} never shows the secret.
 *
 * @param clientId letters, digits, {@code . _ -}, starting with a letter or digit (at most 100)
 * @param clientSecret not blank
 */
public record AirClient(String clientId, String clientSecret) {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public AirClient {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw SandboxAirException.invalid("The AIR client id `" + clientId + "` is not valid: use letters, digits, `.`, `_` or `-`"
                    + " (at most 100), e.g. cohort-sandbox.");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw SandboxAirException.invalid("The AIR client " + clientId + " needs a client secret: give a non-blank one.");
        }
    }

    /** Whether {@code id} is this client's id. */
    boolean isClient(String id) {
        return id != null && MessageDigest.isEqual(clientId.getBytes(StandardCharsets.UTF_8), id.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AirClient[clientId=" + clientId + ", clientSecret=****]";
    }
}

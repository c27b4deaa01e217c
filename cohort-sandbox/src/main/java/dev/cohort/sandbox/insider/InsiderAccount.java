package dev.cohort.sandbox.insider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * An Insider One account as the FPS API knows it: the partner name sent in {@code X-PARTNER-NAME} (lower-case,
 * as Insider documents it) and the API token sent in {@code X-REQUEST-TOKEN}. The token is never shown by
 * {@link #toString()}.
 *
 * @param partnerName lower-case letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or digit
 * @param apiToken the API token, not blank
 */
public record InsiderAccount(String partnerName, String apiToken) {
    private static final Pattern PARTNER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    public InsiderAccount {
        if (partnerName == null || !PARTNER_NAME.matcher(partnerName).matches()) {
            throw SandboxInsiderException.invalid("The Insider partner name `" + partnerName + "` is not valid: Insider"
                    + " partner names are lower-case, e.g. `mybrand` (letters a-z, digits, `.`, `_`, `-`; at most 100).");
        }
        if (apiToken == null || apiToken.isBlank()) {
            throw SandboxInsiderException.invalid("The Insider partner `" + partnerName + "` needs an API token: give a non-blank one.");
        }
    }

    /** Whether {@code token} is this account's API token (compared in constant time). */
    public boolean acceptsToken(String token) {
        return token != null && MessageDigest.isEqual(apiToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "InsiderAccount[partnerName=" + partnerName + ", apiToken=****]";
    }
}

package dev.cohort.notify;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ways to name things in messages and logs without giving away secrets or whole e-mail addresses. */
final class Redaction {
    static final String HIDDEN = "****";
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+");

    private Redaction() {
    }

    /**
     * A URL's scheme, host and port, with "/…" when it has more: the path and query of a webhook URL often hold
     * a token ({@code https://hooks.example.com/services/T0/B0/XXXX}), so they are never shown.
     */
    static String endpoint(URI url) {
        String origin = url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        boolean more = (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))
                || url.getRawQuery() != null;
        return more ? origin + "/…" : origin;
    }

    /** An e-mail address with its local part cut to one letter: {@code j…@example.com}. */
    static String address(String address) {
        if (address == null) {
            return "none";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address.isEmpty() ? "" : address.charAt(0) + "…";
        }
        return address.charAt(0) + "…" + address.substring(at);
    }

    /** The text with every e-mail address in it cut like {@link #address}: for server answers that quote them. */
    static String addressesIn(String text) {
        return text == null ? "" : ADDRESS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(address(m.group())));
    }
}

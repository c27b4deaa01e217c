package dev.cohort.runtime.store;

import java.util.regex.Pattern;

/** Removes passwords from a database URL of any scheme before it is shown or logged. */
final class UrlRedaction {
    static final String MASK = "****";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;#]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^/?#@]*@");

    private UrlRedaction() {}

    /** {@code url} with the value of every {@code password=} parameter and any {@code user:pass@} password masked. */
    static String redact(String url) {
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1:" + MASK + "@");
    }
}

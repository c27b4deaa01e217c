package dev.cohort.runtime.workspace;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the e-mail addresses of a notification channel when the workspace is read, so a typo is found
 * with its line instead of when the first run fails. Accepts {@code name@example.com} and
 * {@code Display Name <name@example.com>} (a display name with punctuation in double quotes), in ASCII:
 * a subset of RFC 5322 that every mail library reads the same way.
 */
final class EmailAddresses {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final Pattern LOCAL_PART = Pattern.compile(ATEXT + "+(\\." + ATEXT + "+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+");
    private static final Pattern QUOTED_NAME = Pattern.compile("\"([^\"\\\\\\r\\n]|\\\\[^\\r\\n])*\"");

    private EmailAddresses() {}

    /** Why {@code address} is not an e-mail address, or empty when it is one. Never repeats the address. */
    static Optional<String> problem(String address) {
        String text = address.strip();
        if (text.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Optional.of("it has characters outside ASCII (write an international domain in its xn-- form)");
        }
        int open = text.indexOf('<');
        if (open >= 0) {
            if (!text.endsWith(">") || text.indexOf('<', open + 1) >= 0) {
                return Optional.of("write a named address as Name <name@example.com>");
            }
            String name = text.substring(0, open).strip();
            if (!name.isEmpty() && !PLAIN_NAME.matcher(name).matches() && !QUOTED_NAME.matcher(name).matches()) {
                return Optional.of("a display name with punctuation must be in double quotes, e.g. \"Cohort, data team\""
                        + " <cohort@example.com>");
            }
            return addressSpec(text.substring(open + 1, text.length() - 1).strip());
        }
        if (text.contains(",") || text.contains(";")) {
            return Optional.of("it holds more than one address: give each as its own item of the list");
        }
        return addressSpec(text);
    }

    private static Optional<String> addressSpec(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return Optional.of("it has no '@' (name@example.com)");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return Optional.of("the part before the '@' is not a mailbox name (letters, digits, '.', '-', '_', '+' …,"
                    + " at most 64 characters)");
        }
        if (domain.isEmpty() || domain.length() > 253) {
            return Optional.of("it has no domain after the '@' (name@example.com)");
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("the domain after the '@' is not a host name (example.com)");
            }
        }
        return Optional.empty();
    }
}

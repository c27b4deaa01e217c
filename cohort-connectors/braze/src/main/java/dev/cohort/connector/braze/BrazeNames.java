package dev.cohort.connector.braze;

import java.util.Optional;

/**
 * Braze's rules for the names Cohort sends — custom event names, attribute names and event property keys: at most
 * 255 characters, not starting with {@code $} (Braze reserves those), not blank, no control characters — and for
 * string values: at most 255 characters.
 */
final class BrazeNames {
    /** The longest name, and the longest string value, Braze takes (in characters). */
    static final int MAX_LENGTH = 255;

    private BrazeNames() {}

    /** What is wrong with {@code name} as a Braze name, or empty when it is fine. */
    static Optional<String> problem(String name) {
        if (name.isBlank()) {
            return Optional.of("is empty");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            return Optional.of("is " + length + " characters long; Braze takes at most " + MAX_LENGTH);
        }
        if (name.startsWith("$")) {
            return Optional.of("starts with '$', which Braze reserves for its own names");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("contains a control character (a tab or line break)");
        }
        if (!name.equals(name.strip())) {
            return Optional.of("starts or ends with white space");
        }
        return Optional.empty();
    }

    /** {@code value} cut to {@link #MAX_LENGTH} characters, never inside a surrogate pair. */
    static String truncate(String value) {
        if (value.length() <= MAX_LENGTH || value.codePointCount(0, value.length()) <= MAX_LENGTH) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_LENGTH));
    }

    /** A name as a message shows it: quoted, cut to 40 characters. */
    static String shown(String name) {
        String cut = name.codePointCount(0, name.length()) > 40 ? name.substring(0, name.offsetByCodePoints(0, 40)) + "…" : name;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}

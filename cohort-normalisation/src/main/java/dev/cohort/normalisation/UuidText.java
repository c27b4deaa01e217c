package dev.cohort.normalisation;

/**
 * The {@code uuid} rule with {@code from: value}: reads a UUID written as 32 hex digits, in either case,
 * with the dashes of the canonical 8-4-4-4-12 form or none at all, optionally in braces or after
 * {@code urn:uuid:}, and writes the canonical lower-case form. Any 128-bit value is accepted; the
 * version and variant bits are not checked.
 */
public final class UuidText {
    public static final String INVALID =
            "not a UUID: expected 32 hex digits, e.g. 123e4567-e89b-12d3-a456-426614174000";
    private static final String URN_PREFIX = "urn:uuid:";
    private static final int[] DASHES = {8, 13, 18, 23};

    private UuidText() {}

    /**
     * The canonical form, or null when nothing is left after trimming.
     *
     * @throws InvalidValueException when the value is not a UUID in one of the accepted forms
     */
    public static String parse(String value) {
        String text = WhiteSpace.trim(value);
        if (text.isEmpty()) {
            return null;
        }
        int start = 0;
        int end = text.length();
        if (text.regionMatches(true, 0, URN_PREFIX, 0, URN_PREFIX.length())) {
            start = URN_PREFIX.length();
        } else if (text.charAt(0) == '{' && text.charAt(end - 1) == '}') {
            start = 1;
            end--;
        }
        return switch (end - start) {
            case 36 -> canonical(text, start, true);
            case 32 -> canonical(text, start, false);
            default -> throw new InvalidValueException(INVALID);
        };
    }

    private static String canonical(String text, int start, boolean dashed) {
        char[] out = new char[36];
        int in = start;
        int dash = 0;
        for (int i = 0; i < 36; i++) {
            if (dash < DASHES.length && i == DASHES[dash]) {
                out[i] = '-';
                dash++;
                if (dashed && text.charAt(in++) != '-') {
                    throw new InvalidValueException(INVALID);
                }
            } else {
                out[i] = lowerHexDigit(text.charAt(in++));
            }
        }
        return new String(out);
    }

    private static char lowerHexDigit(char c) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
            return c;
        }
        if (c >= 'A' && c <= 'F') {
            return (char) (c + ('a' - 'A'));
        }
        throw new InvalidValueException(INVALID);
    }
}

package dev.cohort.connector.insider;

/**
 * UUIDs to canonical lower-case 8-4-4-4-12 form, as the data template's {@code uuid (from: value)} does:
 * 32 hex digits in either case, with the canonical dashes or none, optionally in braces or after
 * {@code urn:uuid:}. Version and variant bits are not checked. Stateless.
 */
final class UuidNormaliser implements ValueNormaliser {
    static final UuidNormaliser INSTANCE = new UuidNormaliser();
    static final String INVALID = "not a UUID: expected 32 hex digits, e.g. 123e4567-e89b-12d3-a456-426614174000";
    private static final String URN_PREFIX = "urn:uuid:";
    private static final int[] DASHES = {8, 13, 18, 23};

    private UuidNormaliser() {}

    @Override
    public String normalise(String value) {
        String text = ValueNormaliser.trimmed(value);
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
        for (int i = 0; i < out.length; i++) {
            if (dash < DASHES.length && i == DASHES[dash]) {
                out[i] = '-';
                dash++;
                if (dashed && text.charAt(in++) != '-') {
                    throw new InvalidValueException(INVALID);
                }
            } else {
                out[i] = lowerHex(text.charAt(in++));
            }
        }
        return new String(out);
    }

    private static char lowerHex(char c) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
            return c;
        }
        if (c >= 'A' && c <= 'F') {
            return (char) (c + ('a' - 'A'));
        }
        throw new InvalidValueException(INVALID);
    }
}

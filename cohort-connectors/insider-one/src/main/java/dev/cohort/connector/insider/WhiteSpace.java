package dev.cohort.connector.insider;

/**
 * The white space values are trimmed of, as the data template's {@code trim} transform does: Unicode's
 * White_Space characters (no-break spaces included, which {@link String#strip()} keeps) plus ZERO WIDTH SPACE
 * (U+200B) and the byte order mark (U+FEFF), which stick to values copied from spreadsheets. All are in the
 * Basic Multilingual Plane, so a {@code char} test is exact.
 */
final class WhiteSpace {
    private WhiteSpace() {}

    static boolean isWhiteSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < '\u0085') {
            return false;
        }
        return switch (c) {
            case '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200B';
        };
    }

    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhiteSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }
}

package dev.cohort.normalisation;

/**
 * The characters {@code trim} removes: Unicode's White_Space property (which, unlike
 * {@link Character#isWhitespace(char)}, includes the no-break spaces U+00A0, U+2007 and U+202F) plus
 * two invisible characters that stick to values copied from documents and spreadsheets: ZERO WIDTH
 * SPACE (U+200B) and the byte order mark (U+FEFF). All of them are in the Basic Multilingual Plane,
 * so a {@code char} test is exact. The data template pushes the same set into SQL
 * ({@code dev.cohort.model.Transform.Trim.CHARACTERS}; a test keeps the two equal).
 */
public final class WhiteSpace {
    private WhiteSpace() {}

    public static boolean isWhiteSpace(char c) {
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

    /** {@code value} without leading and trailing white space; the same instance when there is none. */
    public static String trim(String value) {
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

    /** Whether {@code value} contains white space anywhere. */
    public static boolean containsAny(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isWhiteSpace(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

package dev.cohort.sandbox.data;

/** Allocation-light formatting for the values of generated rows; String.format is far too slow here. */
final class Text {
    private Text() {
    }

    /** {@code prefix} followed by {@code value} zero-padded to {@code width} digits: {@code C0000042}. */
    static String padded(char prefix, long value, int width) {
        char[] chars = new char[width + 1];
        chars[0] = prefix;
        long rest = value;
        for (int i = width; i >= 1; i--) {
            chars[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(chars);
    }

    /** Appends {@code value} zero-padded to {@code width} digits; {@code value} must fit. */
    static void appendPadded(StringBuilder out, long value, int width) {
        int start = out.length();
        out.setLength(start + width);
        long rest = value;
        for (int i = start + width - 1; i >= start; i--) {
            out.setCharAt(i, (char) ('0' + rest % 10));
            rest /= 10;
        }
    }

    /** An amount in cents as a decimal with two places: {@code 1234} becomes {@code 12.34}. */
    static String cents(long cents) {
        StringBuilder out = new StringBuilder(12);
        out.append(cents / 100).append('.');
        appendPadded(out, cents % 100, 2);
        return out.toString();
    }

    /** How many decimal digits {@code value} (non-negative) has. */
    static int digits(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }
}

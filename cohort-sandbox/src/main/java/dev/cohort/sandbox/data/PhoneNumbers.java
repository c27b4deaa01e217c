package dev.cohort.sandbox.data;

import java.util.SplittableRandom;

/**
 * Phone numbers written the many ways people write them: {@code (415) 555-0134}, {@code 415.555.0134},
 * {@code +1 415 555 0134}, {@code 020 7946 0123}, {@code +44 (0)7700 900123}. About one in a hundred
 * is broken and some are missing. Every number is fictional: North American ones use the 555
 * exchange, British ones Ofcom's ranges reserved for drama.
 *
 * <p>Not thread-safe: it reuses one buffer. Use one instance per writing thread.
 */
final class PhoneNumbers {
    /** Per mille of customers with no phone number. */
    static final int EMPTY_PER_MILLE = 80;
    /** Per mille of the other customers whose number cannot be a phone number. */
    static final int INVALID_PER_MILLE = 10;

    private static final String[] NORTH_AMERICAN_FORMATS = {
        "(ddd) ddd-dddd", "(ddd) ddd-dddd", "(ddd) ddd-dddd", "ddd-ddd-dddd", "ddd-ddd-dddd", "ddd.ddd.dddd",
        "dddddddddd", "dddddddddd", "+1 ddd ddd dddd", "+1-ddd-ddd-dddd", "1 (ddd) ddd-dddd", "+1dddddddddd",
        "1-ddd-ddd-dddd",
    };
    private static final String GB_MOBILE_PREFIX = "7700900";
    private static final int GB_NATIONAL_DIGITS = 10;

    private final StringBuilder buffer = new StringBuilder(24);
    private final char[] digits = new char[GB_NATIONAL_DIGITS];

    /** A number for someone living in {@code place}, or the empty string for none. */
    String next(SplittableRandom random, Place place) {
        if (random.nextInt(1000) < EMPTY_PER_MILLE) {
            return "";
        }
        buffer.setLength(0);
        if (place.country().equals("GB")) {
            appendBritish(random, place);
        } else {
            fillDigits(random, place.dialCode() + place.phonePrefix(), 10);
            appendPattern(NORTH_AMERICAN_FORMATS[random.nextInt(NORTH_AMERICAN_FORMATS.length)]);
        }
        if (random.nextInt(1000) < INVALID_PER_MILLE) {
            breakNumber(random);
        }
        return buffer.toString();
    }

    private void appendBritish(SplittableRandom random, Place place) {
        boolean mobile = random.nextInt(100) < 55;
        String fixed = mobile ? GB_MOBILE_PREFIX : place.dialCode().substring(1) + place.phonePrefix();
        fillDigits(random, fixed, GB_NATIONAL_DIGITS);
        // digit groups after the trunk 0: 7700 900123, 20 7946 0123, 121 496 0123
        String grouped = mobile ? "dddd dddddd"
                : place.dialCode().length() == 3 ? "dd dddd dddd" : "ddd ddd dddd";
        int style = random.nextInt(100);
        if (style < 45) {
            buffer.append('0');
            appendPattern(grouped);
        } else if (style < 60) {
            buffer.append('0');
            appendPattern("dddddddddd");
        } else if (style < 85) {
            buffer.append("+44 ");
            appendPattern(grouped);
        } else if (style < 95) {
            buffer.append("+44");
            appendPattern("dddddddddd");
        } else {
            buffer.append("+44 (0)");
            appendPattern(grouped);
        }
    }

    private void fillDigits(SplittableRandom random, String fixed, int length) {
        fixed.getChars(0, fixed.length(), digits, 0);
        for (int i = fixed.length(); i < length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
    }

    /** Appends the pattern with each {@code d} replaced by the next digit. */
    private void appendPattern(String pattern) {
        int next = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            buffer.append(c == 'd' ? digits[next++] : c);
        }
    }

    private void breakNumber(SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0 -> buffer.setLength(buffer.length() - 4);
            case 1 -> buffer.append(random.nextInt(10)).append(random.nextInt(10));
            case 2 -> buffer.replace(0, buffer.length(), "N/A");
            case 3 -> buffer.replace(0, buffer.length(), "0000000000");
            default -> buffer.replace(0, buffer.length(), "123");
        }
    }
}

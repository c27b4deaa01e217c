package dev.cohort.normalisation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The {@code email} rule: a practical check of the addresses people type into sign-up forms, not a full
 * RFC 5322 parser. Quoted local parts, comments, IP-address domains and display names
 * ({@code Ada <ada@example.com>}) are rejected; internationalised addresses (RFC 6531) are accepted.
 * The reasons below are the exact rejection messages, listed in {@code docs/normalisation.md}.
 */
public final class EmailAddresses {
    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART = 64;
    public static final int MAX_LABEL = 63;

    private static final String PREFIX = "not a valid e-mail address: ";
    public static final String WHITE_SPACE_INSIDE = PREFIX + "white space inside it";
    public static final String NO_AT = PREFIX + "no '@'";
    public static final String MORE_THAN_ONE_AT = PREFIX + "more than one '@'";
    public static final String EMPTY_LOCAL_PART = PREFIX + "nothing before the '@'";
    public static final String EMPTY_DOMAIN = PREFIX + "nothing after the '@'";
    public static final String TOO_LONG = PREFIX + "longer than " + MAX_LENGTH + " characters";
    public static final String LOCAL_PART_TOO_LONG = PREFIX + "more than " + MAX_LOCAL_PART + " characters before the '@'";
    public static final String LOCAL_PART_CHARACTER = PREFIX + "a character not allowed before the '@'";
    public static final String LOCAL_PART_DOTS = PREFIX + "'.' at the start or end of the part before the '@', or two in a row";
    public static final String DOMAIN_WITHOUT_DOT = PREFIX + "the domain has no '.'";
    public static final String DOMAIN_EMPTY_LABEL = PREFIX + "the domain has '..' or a '.' at either end";
    public static final String DOMAIN_CHARACTER = PREFIX + "a character not allowed in the domain";
    public static final String DOMAIN_HYPHEN = PREFIX + "a part of the domain starts or ends with '-'";
    public static final String DOMAIN_LABEL_TOO_LONG = PREFIX + "a part of the domain is longer than " + MAX_LABEL + " characters";
    public static final String BAD_TOP_LEVEL_DOMAIN = PREFIX + "the top-level domain is one character or a number";

    /** ASCII characters allowed in a local part besides '.', which has rules of its own (RFC 5322 atext). */
    private static final boolean[] LOCAL_ASCII = asciiTable("!#$%&'*+-/=?^_`{|}~");
    /** ASCII characters allowed in a domain label. */
    private static final boolean[] DOMAIN_ASCII = asciiTable("-");

    private EmailAddresses() {}

    /**
     * The normalised address: trimmed, lower-cased, in Unicode NFC. Null when nothing is left after
     * trimming (a missing address, not a wrong one).
     *
     * @throws InvalidValueException when the result is not an e-mail address
     */
    public static String normalise(String value) {
        String address = WhiteSpace.trim(value);
        if (address.isEmpty()) {
            return null;
        }
        address = address.toLowerCase(Locale.ROOT);
        boolean ascii = isAscii(address);
        if (!ascii && !Normalizer.isNormalized(address, Normalizer.Form.NFC)) {
            address = Normalizer.normalize(address, Normalizer.Form.NFC);
        }
        check(address, ascii);
        return address;
    }

    private static void check(String address, boolean ascii) {
        int at = address.indexOf('@');
        if (at < 0) {
            throw new InvalidValueException(NO_AT);
        }
        if (address.indexOf('@', at + 1) >= 0) {
            throw new InvalidValueException(MORE_THAN_ONE_AT);
        }
        if (at == 0) {
            throw new InvalidValueException(EMPTY_LOCAL_PART);
        }
        if (at == address.length() - 1) {
            throw new InvalidValueException(EMPTY_DOMAIN);
        }
        if (characters(address, 0, address.length(), ascii) > MAX_LENGTH) {
            throw new InvalidValueException(TOO_LONG);
        }
        if (characters(address, 0, at, ascii) > MAX_LOCAL_PART) {
            throw new InvalidValueException(LOCAL_PART_TOO_LONG);
        }
        checkLocalPart(address, at);
        checkDomain(address, at + 1, ascii);
    }

    private static void checkLocalPart(String address, int end) {
        int i = 0;
        while (i < end) {
            char c = address.charAt(i);
            if (c == '.') {
                if (i == 0 || i == end - 1 || address.charAt(i - 1) == '.') {
                    throw new InvalidValueException(LOCAL_PART_DOTS);
                }
                i++;
            } else {
                i += checkCharacter(address, i, LOCAL_ASCII, LOCAL_PART_CHARACTER);
            }
        }
    }

    private static void checkDomain(String address, int start, boolean ascii) {
        if (address.indexOf('.', start) < 0) {
            throw new InvalidValueException(DOMAIN_WITHOUT_DOT);
        }
        int labelStart = start;
        boolean numeric = true;
        int i = start;
        while (i <= address.length()) {
            if (i == address.length() || address.charAt(i) == '.') {
                checkLabel(address, labelStart, i, ascii);
                if (i == address.length()) {
                    checkTopLevel(i - labelStart, numeric);
                }
                labelStart = ++i;
                numeric = true;
            } else {
                numeric &= address.charAt(i) >= '0' && address.charAt(i) <= '9';
                i += checkCharacter(address, i, DOMAIN_ASCII, DOMAIN_CHARACTER);
            }
        }
    }

    private static void checkLabel(String address, int start, int end, boolean ascii) {
        if (start == end) {
            throw new InvalidValueException(DOMAIN_EMPTY_LABEL);
        }
        if (address.charAt(start) == '-' || address.charAt(end - 1) == '-') {
            throw new InvalidValueException(DOMAIN_HYPHEN);
        }
        if (characters(address, start, end, ascii) > MAX_LABEL) {
            throw new InvalidValueException(DOMAIN_LABEL_TOO_LONG);
        }
    }

    private static void checkTopLevel(int length, boolean numeric) {
        if (length < 2 || numeric) {
            throw new InvalidValueException(BAD_TOP_LEVEL_DOMAIN);
        }
    }

    /**
     * Checks the character at {@code index}: an ASCII letter or digit, an ASCII character from
     * {@code allowedAscii}, or a non-ASCII letter, digit or combining mark.
     *
     * @return how many {@code char}s it takes (2 for a surrogate pair)
     */
    private static int checkCharacter(String address, int index, boolean[] allowedAscii, String reason) {
        int codePoint = address.codePointAt(index);
        boolean allowed = codePoint < 0x80 ? allowedAscii[codePoint] : isLetterDigitOrMark(codePoint);
        if (!allowed) {
            throw new InvalidValueException(
                    codePoint < 0x10000 && WhiteSpace.isWhiteSpace((char) codePoint) ? WHITE_SPACE_INSIDE : reason);
        }
        return Character.charCount(codePoint);
    }

    private static boolean isLetterDigitOrMark(int codePoint) {
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static int characters(String text, int start, int end, boolean ascii) {
        return ascii ? end - start : text.codePointCount(start, end);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] asciiTable(String extra) {
        boolean[] table = new boolean[0x80];
        for (char c = 'a'; c <= 'z'; c++) {
            table[c] = true;
            table[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            table[c] = true;
        }
        for (char c : extra.toCharArray()) {
            table[c] = true;
        }
        return table;
    }
}

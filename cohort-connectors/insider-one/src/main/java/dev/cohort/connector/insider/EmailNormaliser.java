package dev.cohort.connector.insider;

import java.text.Normalizer;
import java.util.Locale;

/**
 * E-mail addresses: trimmed, lower-cased (the part before the {@code @} too, as every platform that matches on
 * addresses does), put in Unicode NFC, then checked the way {@code docs/normalisation.md} states for the
 * {@code email} transform — at most 254 characters and 64 before the {@code @}; RFC 5322's unquoted
 * characters before it (letters and digits of any script); no leading, trailing or doubled dot; a domain of
 * at least two dot-separated parts of letters, digits and inner hyphens, each at most 63 characters; a
 * top-level domain of two or more characters that is not a number. Quoted local parts, IP-address domains
 * and display names are rejected. Stateless.
 */
final class EmailNormaliser implements ValueNormaliser {
    static final EmailNormaliser INSTANCE = new EmailNormaliser();
    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;
    static final int MAX_LABEL = 63;

    private static final String PREFIX = "not a valid e-mail address: ";
    static final String WHITE_SPACE_INSIDE = PREFIX + "white space inside it";
    static final String NO_AT = PREFIX + "no '@'";
    static final String MORE_THAN_ONE_AT = PREFIX + "more than one '@'";
    static final String NOTHING_BEFORE_AT = PREFIX + "nothing before the '@'";
    static final String NOTHING_AFTER_AT = PREFIX + "nothing after the '@'";
    static final String TOO_LONG = PREFIX + "longer than " + MAX_LENGTH + " characters";
    static final String LOCAL_PART_TOO_LONG = PREFIX + "more than " + MAX_LOCAL_PART + " characters before the '@'";
    static final String LOCAL_PART_CHARACTER = PREFIX + "a character not allowed before the '@'";
    static final String LOCAL_PART_DOTS = PREFIX + "'.' at the start or end of the part before the '@', or two in a row";
    static final String DOMAIN_WITHOUT_DOT = PREFIX + "the domain has no '.'";
    static final String DOMAIN_EMPTY_PART = PREFIX + "the domain has '..' or a '.' at either end";
    static final String DOMAIN_CHARACTER = PREFIX + "a character not allowed in the domain";
    static final String DOMAIN_HYPHEN = PREFIX + "a part of the domain starts or ends with '-'";
    static final String DOMAIN_PART_TOO_LONG = PREFIX + "a part of the domain is longer than " + MAX_LABEL + " characters";
    static final String BAD_TOP_LEVEL_DOMAIN = PREFIX + "the top-level domain is one character or a number";

    /** ASCII punctuation allowed before the {@code @} besides the dot (RFC 5322 atext). */
    private static final String LOCAL_PUNCTUATION = "!#$%&'*+-/=?^_`{|}~";

    private EmailNormaliser() {}

    @Override
    public String normalise(String value) {
        String address = ValueNormaliser.trimmed(value).toLowerCase(Locale.ROOT);
        if (!Normalizer.isNormalized(address, Normalizer.Form.NFC)) {
            address = Normalizer.normalize(address, Normalizer.Form.NFC);
        }
        int at = address.indexOf('@');
        if (at < 0) {
            throw new InvalidValueException(NO_AT);
        }
        if (address.indexOf('@', at + 1) >= 0) {
            throw new InvalidValueException(MORE_THAN_ONE_AT);
        }
        if (at == 0) {
            throw new InvalidValueException(NOTHING_BEFORE_AT);
        }
        if (at == address.length() - 1) {
            throw new InvalidValueException(NOTHING_AFTER_AT);
        }
        if (address.codePointCount(0, address.length()) > MAX_LENGTH) {
            throw new InvalidValueException(TOO_LONG);
        }
        if (address.codePointCount(0, at) > MAX_LOCAL_PART) {
            throw new InvalidValueException(LOCAL_PART_TOO_LONG);
        }
        checkLocalPart(address, at);
        checkDomain(address, at + 1);
        return address;
    }

    private static void checkLocalPart(String address, int end) {
        int i = 0;
        while (i < end) {
            int c = address.codePointAt(i);
            if (c == '.') {
                if (i == 0 || i == end - 1 || address.charAt(i - 1) == '.') {
                    throw new InvalidValueException(LOCAL_PART_DOTS);
                }
            } else if (!(letterOrDigit(c) || (c < 0x80 && LOCAL_PUNCTUATION.indexOf(c) >= 0))) {
                throw new InvalidValueException(whiteSpace(c) ? WHITE_SPACE_INSIDE : LOCAL_PART_CHARACTER);
            }
            i += Character.charCount(c);
        }
    }

    private static void checkDomain(String address, int start) {
        if (address.indexOf('.', start) < 0) {
            throw new InvalidValueException(DOMAIN_WITHOUT_DOT);
        }
        int partStart = start;
        boolean numeric = true;
        int i = start;
        while (true) {
            if (i == address.length() || address.charAt(i) == '.') {
                checkDomainPart(address, partStart, i);
                if (i == address.length()) {
                    if (address.codePointCount(partStart, i) < 2 || numeric) {
                        throw new InvalidValueException(BAD_TOP_LEVEL_DOMAIN);
                    }
                    return;
                }
                partStart = ++i;
                numeric = true;
                continue;
            }
            int c = address.codePointAt(i);
            if (!(letterOrDigit(c) || c == '-')) {
                throw new InvalidValueException(whiteSpace(c) ? WHITE_SPACE_INSIDE : DOMAIN_CHARACTER);
            }
            numeric &= c >= '0' && c <= '9';
            i += Character.charCount(c);
        }
    }

    private static void checkDomainPart(String address, int start, int end) {
        if (start == end) {
            throw new InvalidValueException(DOMAIN_EMPTY_PART);
        }
        if (address.charAt(start) == '-' || address.charAt(end - 1) == '-') {
            throw new InvalidValueException(DOMAIN_HYPHEN);
        }
        if (address.codePointCount(start, end) > MAX_LABEL) {
            throw new InvalidValueException(DOMAIN_PART_TOO_LONG);
        }
    }

    /** ASCII letters and digits, and letters, digits and combining marks of any script. */
    private static boolean letterOrDigit(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean whiteSpace(int c) {
        return c < 0x10000 && WhiteSpace.isWhiteSpace((char) c);
    }
}

package dev.cohort.connector.insider;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers to E.164 ({@code +16502530000}) with Google's libphonenumber, as the data template's
 * {@code phone} transform does: punctuation, spaces, full-width digits and {@code tel:} URIs are read; the
 * number must be valid by libphonenumber's metadata and carry no extension. A number written without a
 * country code is read in {@code default_region}; without that setting it is rejected, since its country
 * cannot be known. Not thread-safe: it reuses one parsed number.
 */
final class PhoneNormaliser implements ValueNormaliser {
    static final String EXTENSION = "the phone number has an extension, which E.164 cannot carry";
    static final String NO_COUNTRY_CODE = "the phone number has no country code (+…) and default_region is not set:"
            + " write it with +, or set default_region";
    private static final String UNKNOWN_REGION = "ZZ";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String region;
    private final String invalid;
    private final PhoneNumber scratch = new PhoneNumber();

    /** @param defaultRegion an upper-case region libphonenumber knows, or null */
    PhoneNormaliser(String defaultRegion) {
        this.region = defaultRegion == null ? UNKNOWN_REGION : defaultRegion;
        this.invalid = defaultRegion == null ? "not a valid phone number" : "not a valid phone number for region " + defaultRegion;
    }

    @Override
    public String normalise(String value) {
        String text = ValueNormaliser.trimmed(value);
        if (text.chars().noneMatch(Character::isDigit)) {
            throw new InvalidValueException(invalid);
        }
        scratch.clear();
        try {
            UTIL.parse(text, region, scratch);
        } catch (NumberParseException e) {
            if (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE && region.equals(UNKNOWN_REGION)
                    && !hasLeadingPlus(text)) {
                throw new InvalidValueException(NO_COUNTRY_CODE);
            }
            throw new InvalidValueException(invalid);
        }
        if (!UTIL.isValidNumber(scratch)) {
            throw new InvalidValueException(invalid);
        }
        if (scratch.hasExtension()) {
            throw new InvalidValueException(EXTENSION);
        }
        return UTIL.format(scratch, PhoneNumberFormat.E164);
    }

    /** A {@code +} (or full-width {@code ＋}) before the first digit, after an optional {@code tel:}. */
    private static boolean hasLeadingPlus(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '\uFF0B') {
                return true;
            }
            if (Character.isDigit(c)) {
                return false;
            }
        }
        return false;
    }
}

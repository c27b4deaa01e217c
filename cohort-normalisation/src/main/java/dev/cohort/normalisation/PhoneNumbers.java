package dev.cohort.normalisation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code phone} rule, on Google's libphonenumber: the value is parsed with a default region for
 * numbers written without a country code, must be a valid number by libphonenumber's metadata, must not
 * carry an extension (E.164 cannot), and is written in E.164 ({@code +16502530000}).
 *
 * <p>A normaliser is not thread-safe: it reuses one parsed-number object between calls.
 */
public final class PhoneNumbers {
    public static final ErrorCode UNKNOWN_REGION = ErrorCode.user("UNKNOWN_PHONE_REGION");
    public static final String EXTENSION = "the phone number has an extension, which E.164 cannot carry";
    /** Regions people look for first, for messages that list examples. */
    public static final List<String> EXAMPLE_REGIONS =
            List.of("US", "GB", "DE", "FR", "NL", "ES", "IT", "CA", "AU", "BR", "IN", "JP");

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** The region libphonenumber reads as "none": only numbers written with their country code parse. */
    private static final String NO_REGION = "ZZ";

    private final String region;
    private final String invalid;
    private final String withoutCountryCode;
    private final PhoneNumber scratch = new PhoneNumber();

    /**
     * Numbers written without a country code are read in {@code region}.
     *
     * @param region an ISO 3166-1 alpha-2 code libphonenumber knows, in any case
     * @throws CohortException {@link #UNKNOWN_REGION} naming codes that would do
     */
    public PhoneNumbers(String region) {
        this(knownRegion(region), "not a valid phone number for region " + canonicalRegion(region), null);
    }

    private PhoneNumbers(String region, String invalid, String withoutCountryCode) {
        this.region = region;
        this.invalid = invalid;
        this.withoutCountryCode = withoutCountryCode;
    }

    /**
     * Only numbers written with their country code ({@code +…}) are read; one without is rejected with
     * {@code withoutCountryCode}, which should say how to give it one.
     */
    public static PhoneNumbers internationalOnly(String withoutCountryCode) {
        return new PhoneNumbers(NO_REGION, "not a valid phone number", withoutCountryCode);
    }

    private static String knownRegion(String region) {
        String canonical = canonicalRegion(region);
        if (!UTIL.getSupportedRegions().contains(canonical)) {
            throw new CohortException(UNKNOWN_REGION, unknownRegionMessage(region));
        }
        return canonical;
    }

    /**
     * The number in E.164, or null when nothing is left after trimming.
     *
     * @throws InvalidValueException when it is not a valid phone number
     */
    public String normalise(String value) {
        String text = WhiteSpace.trim(value);
        if (text.isEmpty()) {
            return null;
        }
        if (!hasDigit(text)) {
            throw new InvalidValueException(invalid);
        }
        scratch.clear(); // parse into an object does not reset everything, e.g. the extension
        try {
            UTIL.parse(text, region, scratch);
        } catch (NumberParseException e) {
            if (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE && region.equals(NO_REGION)
                    && !hasLeadingPlus(text)) {
                throw new InvalidValueException(withoutCountryCode);
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

    /** Whether libphonenumber knows {@code region} (an ISO 3166-1 alpha-2 code, in any case). */
    public static boolean isKnownRegion(String region) {
        return UTIL.getSupportedRegions().contains(canonicalRegion(region));
    }

    public static Set<String> knownRegions() {
        return new TreeSet<>(UTIL.getSupportedRegions());
    }

    /** Says what is wrong with {@code region} and which codes would do. */
    public static String unknownRegionMessage(String region) {
        String hint = canonicalRegion(region).equals("UK") ? " (the United Kingdom is GB)" : "";
        return "phone region '" + region + "' is not a region code libphonenumber knows" + hint
                + ": use an ISO 3166-1 alpha-2 code such as " + String.join(", ", EXAMPLE_REGIONS)
                + " (" + UTIL.getSupportedRegions().size() + " regions are known)";
    }

    private static String canonicalRegion(String region) {
        return region.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * libphonenumber never reads a number from text without a digit, so junk such as "n/a" or "none" is
     * rejected here without paying for its parse exception.
     */
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

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

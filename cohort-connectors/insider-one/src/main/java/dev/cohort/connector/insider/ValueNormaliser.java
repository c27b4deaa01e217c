package dev.cohort.connector.insider;

import dev.cohort.normalisation.EmailAddresses;
import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.normalisation.PhoneNumbers;
import dev.cohort.normalisation.UuidText;

/**
 * Turns one value of a segment into the form Insider One matches on, or says why it cannot: the rules of the data
 * template's {@code email}, {@code phone} and {@code uuid (from: value)} transforms themselves
 * ({@code cohort-normalisation}, {@code docs/normalisation.md}), so a value a template already normalised passes
 * unchanged. An empty value cannot be sent. Not thread-safe: one per writer.
 */
@FunctionalInterface
interface ValueNormaliser {
    String EMPTY = "empty value";
    String NO_COUNTRY_CODE = "the phone number has no country code (+…) and default_region is not set: write it with +,"
            + " or set default_region";

    /**
     * @param value the value as the query gave it, possibly null
     * @return the normalised value: no line break, never empty
     * @throws InvalidValueException with the reason (never the value) when it cannot be sent
     */
    String normalise(String value);

    /** @param defaultRegion the region of phone numbers written without a country code, or null for none */
    static ValueNormaliser forAttribute(SegmentAttribute attribute, String defaultRegion) {
        return switch (attribute) {
            case EMAIL -> value -> present(EmailAddresses.normalise(orEmpty(value)));
            case PHONE_NUMBER -> {
                PhoneNumbers phones = defaultRegion == null ? PhoneNumbers.internationalOnly(NO_COUNTRY_CODE)
                        : new PhoneNumbers(defaultRegion);
                yield value -> present(phones.normalise(orEmpty(value)));
            }
            case UUID -> value -> present(UuidText.parse(orEmpty(value)));
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The rules answer null for a value that is empty once trimmed: here that is a rejected row. */
    private static String present(String normalised) {
        if (normalised == null) {
            throw new InvalidValueException(EMPTY);
        }
        return normalised;
    }
}

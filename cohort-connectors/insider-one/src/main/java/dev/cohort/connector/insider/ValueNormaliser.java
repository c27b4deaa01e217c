package dev.cohort.connector.insider;

/**
 * Turns one value of a segment into the form Insider One matches on, or says why it cannot: the same rules
 * as the data template's {@code email}, {@code phone} and {@code uuid (from: value)} transforms
 * ({@code docs/normalisation.md}), so a value a template already normalised passes unchanged. Not
 * thread-safe: one per writer.
 */
interface ValueNormaliser {
    String EMPTY = "empty value";

    /**
     * @param value the value as the query gave it, possibly null
     * @return the normalised value: no line break, never empty
     * @throws InvalidValueException with the reason (never the value) when it cannot be sent
     */
    String normalise(String value);

    static ValueNormaliser forAttribute(SegmentAttribute attribute, String defaultRegion) {
        return switch (attribute) {
            case EMAIL -> EmailNormaliser.INSTANCE;
            case PHONE_NUMBER -> new PhoneNormaliser(defaultRegion);
            case UUID -> UuidNormaliser.INSTANCE;
        };
    }

    /** {@code value} trimmed as the {@code trim} transform trims; throws {@link #EMPTY} when nothing is left. */
    static String trimmed(String value) {
        String text = value == null ? "" : WhiteSpace.trim(value);
        if (text.isEmpty()) {
            throw new InvalidValueException(EMPTY);
        }
        return text;
    }
}

package dev.cohort.sandbox.insider;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The attributes a First-Party Segment upload may name — Insider's default identifiers — with the check the
 * stand-in applies to each value of the file. Insider documents the three names; the checks are the
 * stand-in's reading of "valid": a plausible address, an E.164 number, a canonical UUID.
 */
public enum InsiderAttribute {
    /** {@code local@domain.tld}: the usual local-part characters, dot-separated host labels, a top-level domain of letters. */
    EMAIL("email", Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}")),
    /** E.164: {@code +}, then 8 to 15 digits, the first not 0 (e.g. {@code +905321234567}). */
    PHONE_NUMBER("phone_number", Pattern.compile("\\+[1-9][0-9]{7,14}")),
    /** Canonical 8-4-4-4-12 hexadecimal, either case (e.g. {@code 0b0e6c7e-4f0a-4d55-9b1a-2f2f6a3f9c10}). */
    UUID("uuid", Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));

    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_EMAIL_LOCAL_PART = 64;

    private final String wireName;
    private final Pattern valid;

    InsiderAttribute(String wireName, Pattern valid) {
        this.wireName = wireName;
        this.valid = valid;
    }

    /** The name in the upload body: {@code email}, {@code phone_number} or {@code uuid}. */
    public String wireName() {
        return wireName;
    }

    /** Whether Insider would count {@code value} (already trimmed) as valid for this attribute. */
    public boolean accepts(String value) {
        if (!valid.matcher(value).matches()) {
            return false;
        }
        return this != EMAIL || value.length() <= MAX_EMAIL_LENGTH && value.indexOf('@') <= MAX_EMAIL_LOCAL_PART;
    }

    /** The attribute with this exact (lower-case) wire name. */
    public static Optional<InsiderAttribute> fromWireName(String name) {
        for (InsiderAttribute attribute : values()) {
            if (attribute.wireName.equals(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}

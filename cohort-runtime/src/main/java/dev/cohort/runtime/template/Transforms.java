package dev.cohort.runtime.template;

import dev.cohort.model.Transform;
import dev.cohort.normalisation.EmailAddresses;
import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.normalisation.PhoneNumbers;
import dev.cohort.normalisation.UuidText;
import dev.cohort.normalisation.WhiteSpace;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The rules of the data template transforms, one function each, over text where null stands for SQL
 * NULL. Every function returns null for null. The rules are stated exactly, with test vectors, in
 * {@code docs/normalisation.md}; a test checks every vector there against these functions.
 *
 * <p>Rules that normalise an identity ({@code email}, {@code phone}, {@code uuid} from a value) trim
 * their input themselves and return null when nothing is left: an empty cell is a missing value, not a
 * wrong one. A value that breaks a rule throws {@link InvalidValueException}, whose message names the
 * rule and never the value; the row it came from is rejected.
 *
 * <p>These functions are thread-safe and meant for single values (checks, previews, tests). For rows,
 * compile a {@link TemplateEvaluator}: it keeps its digests and parsers between rows.
 */
public final class Transforms {
    private Transforms() {}

    /** Strips leading and trailing Unicode white space, no-break spaces, U+200B and U+FEFF included. */
    public static String trim(String value) {
        return value == null ? null : WhiteSpace.trim(value);
    }

    /** Unicode default lower-casing, independent of the machine's locale ({@link Locale#ROOT}). */
    public static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** Unicode default upper-casing, independent of the machine's locale ({@link Locale#ROOT}). */
    public static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** The address trimmed, lower-cased and in NFC, or null when blank; rejects what is not an address. */
    public static String email(String value) {
        return value == null ? null : EmailAddresses.normalise(value);
    }

    /**
     * The number in E.164, reading numbers without a country code in {@code defaultRegion} (ISO 3166-1
     * alpha-2, any case); null when blank; rejects invalid numbers and numbers with an extension.
     */
    public static String phone(String value, String defaultRegion) {
        PhoneNumbers phoneNumbers = new PhoneNumbers(defaultRegion);
        return value == null ? null : phoneNumbers.normalise(value);
    }

    /** SHA-256 of the UTF-8 bytes as 64 lower-case hex digits; the empty string is hashed too. */
    public static String sha256(String value) {
        return value == null ? null : new Sha256Hasher().hash(value);
    }

    /** The RFC 9562 version 5 UUID of {@code value} (UTF-8) within {@code namespace}, lower-case. */
    public static String uuidFromName(String value, UUID namespace) {
        return value == null ? null : new NameBasedUuids(namespace).derive(value);
    }

    /** {@code value} read as a UUID (see {@code docs/normalisation.md} for the forms) in canonical lower-case form. */
    public static String uuidFromValue(String value) {
        return value == null ? null : UuidText.parse(value);
    }

    /** Applies one transform. */
    public static String apply(Transform transform, String value) {
        return value == null ? null : TransformStep.of(transform).apply(value);
    }

    /** Applies a chain in order; a null stops it, since every rule maps null to null. */
    public static String apply(List<Transform> chain, String value) {
        String result = value;
        for (Transform transform : chain) {
            if (result == null) {
                break;
            }
            result = apply(transform, result);
        }
        return result;
    }
}

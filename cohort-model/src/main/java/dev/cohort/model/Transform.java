package dev.cohort.model;

import java.util.Objects;

/**
 * One step of a field's transform chain, applied in order to the field's text value. The exact rules,
 * with test vectors, are in {@code docs/normalisation.md}.
 */
public sealed interface Transform {
    /** The name used in {@code cohort.yaml}. */
    String keyword();

    /** Strips leading and trailing white space (Unicode white space, not only ASCII). */
    record Trim() implements Transform {
        /**
         * Every character trim removes, in code point order: Unicode's White_Space property plus ZERO
         * WIDTH SPACE (U+200B) and the byte order mark (U+FEFF), which stick to values copied from
         * documents and spreadsheets.
         */
        public static final String CHARACTERS = "\t\n\u000B\f\r \u0085\u00A0\u1680"
                + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B"
                + "\u2028\u2029\u202F\u205F\u3000\uFEFF";

        public String keyword() {
            return "trim";
        }
    }

    record LowerCase() implements Transform {
        public String keyword() {
            return "lower";
        }
    }

    record UpperCase() implements Transform {
        public String keyword() {
            return "upper";
        }
    }

    /** E-mail normalisation; a value that is not an e-mail address rejects the row. */
    record Email() implements Transform {
        public String keyword() {
            return "email";
        }
    }

    /**
     * Phone normalisation to E.164; numbers without a country code are read in {@code defaultRegion}
     * (ISO 3166 alpha-2, e.g. {@code US}). A value that is not a valid number rejects the row.
     */
    record Phone(String defaultRegion) implements Transform {
        public Phone {
            Objects.requireNonNull(defaultRegion, "defaultRegion");
        }

        public String keyword() {
            return "phone";
        }
    }

    /** SHA-256 of the UTF-8 bytes, as 64 lower-case hex digits. */
    record Sha256() implements Transform {
        public String keyword() {
            return "sha256";
        }
    }

    /**
     * A UUID: {@link UuidMode#NAME_BASED} derives a version 5 UUID from the value within
     * {@code namespace}; {@link UuidMode#PARSE} reads the value as a UUID and writes its canonical form.
     */
    record Uuid(UuidMode mode, java.util.UUID namespace) implements Transform {
        /** The default namespace for name-based UUIDs: RFC 9562's URL namespace. */
        public static final java.util.UUID DEFAULT_NAMESPACE =
                java.util.UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

        public Uuid {
            Objects.requireNonNull(mode, "mode");
            namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
        }

        public String keyword() {
            return "uuid";
        }
    }

    enum UuidMode {
        NAME_BASED,
        PARSE
    }
}

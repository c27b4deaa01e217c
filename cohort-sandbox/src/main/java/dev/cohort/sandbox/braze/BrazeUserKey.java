package dev.cohort.sandbox.braze;

import java.util.Objects;

/**
 * How an object of {@code /users/track} names its user, in Braze's order of precedence: {@code external_id}, then
 * {@code user_alias} ({@code alias_label} and {@code alias_name}), {@code braze_id}, {@code email}, {@code phone}.
 * {@link #toString()} hides e-mail addresses and phone numbers.
 *
 * @param kind which identifier
 * @param value its value; for an alias {@code <alias_label>:<alias_name>}
 */
public record BrazeUserKey(Kind kind, String value) {
    /** The identifiers Braze accepts, with their field names. */
    public enum Kind {
        EXTERNAL_ID("external_id"), USER_ALIAS("user_alias"), BRAZE_ID("braze_id"), EMAIL("email"), PHONE("phone");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The JSON field that carries it. */
        public String field() {
            return field;
        }
    }

    public BrazeUserKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static BrazeUserKey externalId(String externalId) {
        return new BrazeUserKey(Kind.EXTERNAL_ID, externalId);
    }

    @Override
    public String toString() {
        boolean personal = kind == Kind.EMAIL || kind == Kind.PHONE;
        return "BrazeUserKey[" + kind.field() + "=" + (personal ? "****" : value) + "]";
    }
}

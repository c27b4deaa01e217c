package dev.cohort.sandbox.air;

import java.util.regex.Pattern;

/**
 * One identity of a wallet as AIR keeps it: its type ({@code CUSTOMER_ID}, {@code EMAIL}, {@code MOBILE},
 * {@code CARD}, …) and its value, by which {@code services/trigger} finds the wallet and which outbound events
 * carry as enrichment. {@link #toString()} never shows the value (it is often PII).
 *
 * @param type upper case letters, digits and underscores, starting with a letter (at most 50)
 * @param value 1 to 200 characters, no control characters; unique across the server's wallets
 */
public record AirIdentity(String type, String value) {
    public static final String CUSTOMER_ID = "CUSTOMER_ID";
    public static final String EMAIL = "EMAIL";
    public static final String MOBILE = "MOBILE";
    public static final String CARD = "CARD";
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    public AirIdentity {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw SandboxAirException.invalid("The identity type `" + type + "` is not valid: AIR identity types are upper case"
                    + " with underscores, e.g. CUSTOMER_ID, EMAIL, MOBILE or CARD.");
        }
        if (value == null || value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw SandboxAirException.invalid("The " + type + " identity needs a value of 1 to 200 characters without control characters.");
        }
    }

    public static AirIdentity customerId(String value) {
        return new AirIdentity(CUSTOMER_ID, value);
    }

    public static AirIdentity email(String value) {
        return new AirIdentity(EMAIL, value);
    }

    public static AirIdentity mobile(String value) {
        return new AirIdentity(MOBILE, value);
    }

    @Override
    public String toString() {
        return "AirIdentity[type=" + type + ", value=****]";
    }
}

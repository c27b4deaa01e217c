package dev.cohort.connector.insider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cohort.normalisation.InvalidValueException;
import dev.cohort.normalisation.UuidText;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each attribute's rule, with vectors from {@code docs/normalisation.md} (the data template transforms the
 * connector agrees with): valid values come out in the form Insider matches on; invalid ones are refused with
 * a reason that never holds the value.
 */
class ValueNormaliserTest {
    private static final ValueNormaliser EMAIL = ValueNormaliser.forAttribute(SegmentAttribute.EMAIL, null);
    private static final ValueNormaliser UUID = ValueNormaliser.forAttribute(SegmentAttribute.UUID, null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Ada@Example.COM                     | ada@example.com
            '  ada@example.com\u00A0'           | ada@example.com
            Ada.Lovelace+news@Example.com       | ada.lovelace+news@example.com
            o'brien@example.ie                  | o'brien@example.ie
            Jos\u00E9@B\u00FCcher.Example       | jos\u00E9@b\u00FCcher.example
            jose\u0301@example.com              | jos\u00E9@example.com
            ada@xn--bcher-kva.example           | ada@xn--bcher-kva.example
            \uFEFFada@example.com\u200B         | ada@example.com
            """)
    void emailAddressesAreTrimmedAndLowerCased(String value, String expected) {
        assertThat(EMAIL.normalise(value)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidEmailAddresses() {
        return Stream.of(
                Arguments.of("ada.example.com", "no '@'"),
                Arguments.of("ada@@example.com", "more than one '@'"),
                Arguments.of("ada@example.com,bob@example.com", "more than one '@'"),
                Arguments.of("Ada <ada@example.com>", "white space inside it"),
                Arguments.of("@example.com", "nothing before the '@'"),
                Arguments.of("ada@", "nothing after the '@'"),
                Arguments.of("ada@localhost", "the domain has no '.'"),
                Arguments.of(".ada@example.com", "'.' at the start or end of the part before the '@', or two in a row"),
                Arguments.of("ada..lovelace@example.com", "'.' at the start or end of the part before the '@', or two in a row"),
                Arguments.of("ada@example..com", "the domain has '..' or a '.' at either end"),
                Arguments.of("ada@-example.com", "a part of the domain starts or ends with '-'"),
                Arguments.of("ada@exa_mple.com", "a character not allowed in the domain"),
                Arguments.of("ada@[192.168.0.1]", "a character not allowed in the domain"),
                Arguments.of("ada@192.168.0.1", "the top-level domain is one character or a number"),
                Arguments.of("ada@example.c", "the top-level domain is one character or a number"),
                Arguments.of("\"ada\"@example.com", "a character not allowed before the '@'"),
                Arguments.of("ada\uD83D\uDE00@example.com", "a character not allowed before the '@'"));
    }

    @ParameterizedTest
    @MethodSource("invalidEmailAddresses")
    void invalidEmailAddressesAreRefusedWithoutTheValue(String value, String reason) {
        assertRefused(EMAIL, value, "not a valid e-mail address: " + reason);
    }

    @org.junit.jupiter.api.Test
    void emailLengthLimits() {
        String local64 = "a".repeat(64);
        assertThat(EMAIL.normalise(local64 + "@example.com")).isEqualTo(local64 + "@example.com");
        assertRefused(EMAIL, "a".repeat(65) + "@example.com", "not a valid e-mail address: more than 64 characters before the '@'");
        String longDomain = ("b".repeat(60) + ".").repeat(4) + "com"; // 247 characters after the '@'
        assertRefused(EMAIL, "abcdefgh@" + longDomain, "not a valid e-mail address: longer than 254 characters");
        assertRefused(EMAIL, "ada@" + "c".repeat(64) + ".com", "not a valid e-mail address: a part of the domain is longer than 63 characters");
        assertRefused(EMAIL, "ada\n@example.com", "not a valid e-mail address: white space inside it");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            US | (650) 253-0000               | +16502530000
            US | 1-650-253-0000               | +16502530000
            us | 6502530000                   | +16502530000
            US | tel:+1-650-253-0000          | +16502530000
            US | +44 20 7946 0958             | +442079460958
            US | 011 44 20 7946 0958          | +442079460958
            GB | 07911 123456                 | +447911123456
            TR | 0532 123 45 67               | +905321234567
            US | '\u00A0650-253-0000\u00A0'   | +16502530000
            US | +\uFF11 \uFF16\uFF15\uFF10 \uFF12\uFF15\uFF13 \uFF10\uFF10\uFF10\uFF10 | +16502530000
            """)
    void phoneNumbersBecomeE164InTheDefaultRegion(String region, String value, String expected) {
        assertThat(ValueNormaliser.forAttribute(SegmentAttribute.PHONE_NUMBER, region.toUpperCase(java.util.Locale.ROOT)).normalise(value))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            US | 555-1234                 | not a valid phone number for region US
            US | +1 555 123 4567          | not a valid phone number for region US
            GB | 07700 900123             | not a valid phone number for region GB
            US | n/a                      | not a valid phone number for region US
            US | +999 1234                | not a valid phone number for region US
            US | +1 650-253-0000 ext. 123 | the phone number has an extension, which E.164 cannot carry
            """)
    void invalidPhoneNumbersAreRefusedWithoutTheValue(String region, String value, String reason) {
        assertRefused(ValueNormaliser.forAttribute(SegmentAttribute.PHONE_NUMBER, region), value, reason);
    }

    @org.junit.jupiter.api.Test
    void withoutADefaultRegionOnlyNumbersWithACountryCodeAreTaken() {
        ValueNormaliser noRegion = ValueNormaliser.forAttribute(SegmentAttribute.PHONE_NUMBER, null);
        assertThat(noRegion.normalise("+90 532 123 45 67")).isEqualTo("+905321234567");
        assertThat(noRegion.normalise("tel:+1-650-253-0000")).isEqualTo("+16502530000");
        assertRefused(noRegion, "0532 123 45 67", ValueNormaliser.NO_COUNTRY_CODE);
        assertRefused(noRegion, "+1 555 123 4567", "not a valid phone number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            123E4567-E89B-12D3-A456-426614174000          | 123e4567-e89b-12d3-a456-426614174000
            {123e4567-e89b-12d3-a456-426614174000}        | 123e4567-e89b-12d3-a456-426614174000
            123e4567e89b12d3a456426614174000              | 123e4567-e89b-12d3-a456-426614174000
            urn:uuid:123e4567-e89b-12d3-a456-426614174000 | 123e4567-e89b-12d3-a456-426614174000
            ' 123e4567-e89b-12d3-a456-426614174000\u00A0' | 123e4567-e89b-12d3-a456-426614174000
            00000000-0000-0000-0000-000000000000          | 00000000-0000-0000-0000-000000000000
            """)
    void uuidsBecomeCanonicalLowerCase(String value, String expected) {
        assertThat(UUID.normalise(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f81d4fae-7dec-11d0-a765-00a0c91e6bf", "f81d4fae-7dec-11d0-a765-00a0c91e6bfg",
            "f81d4fae7-dec-11d0-a765-00a0c91e6bf6", "1-2-3-4-5", "{123e4567e89b12d3a456426614174000"})
    void invalidUuidsAreRefusedWithoutTheValue(String value) {
        assertRefused(UUID, value, UuidText.INVALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00A0\t", "\u200B"})
    void aMissingValueIsAnEmptyValueForEveryAttribute(String value) {
        for (SegmentAttribute attribute : SegmentAttribute.values()) {
            assertRefused(ValueNormaliser.forAttribute(attribute, "US"), value, ValueNormaliser.EMPTY);
        }
    }

    private static void assertRefused(ValueNormaliser normaliser, String value, String reason) {
        InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> normaliser.normalise(value));
        assertThat(refused).as("refused: %s", value).isNotNull();
        assertThat(refused.getMessage()).isEqualTo(reason);
        if (value != null && value.strip().length() >= 3) {
            assertThat(refused.getMessage()).doesNotContain(value.strip());
        }
    }
}

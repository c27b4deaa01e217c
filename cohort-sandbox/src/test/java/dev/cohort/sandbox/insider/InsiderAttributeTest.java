package dev.cohort.sandbox.insider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsiderAttributeTest {
    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada.lovelace+news@mail.example.co.uk", "o'brien@example.ie", "A_B-C@Example.COM"})
    void plausibleAddressesAreValidEmails(String value) {
        assertThat(InsiderAttribute.EMAIL.accepts(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada lovelace@example.com",
            "ada..l@example.com", ".ada@example.com", "ada@-example.com", "ada@example.c", "\"ada@example.com\"", "email"})
    void otherTextIsNotAnEmail(String value) {
        assertThat(InsiderAttribute.EMAIL.accepts(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+90532123", "+905321234567", "+14155550123", "+123456789012345"})
    void e164NumbersOf8To15DigitsAreValid(String value) {
        assertThat(InsiderAttribute.PHONE_NUMBER.accepts(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+9053212", "+1234567890123456", "905321234567", "+0532123456", "+90 532 123 45 67", "+90-532-1234567"})
    void otherNumbersAreNotValid(String value) {
        assertThat(InsiderAttribute.PHONE_NUMBER.accepts(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0b0e6c7e-4f0a-4d55-9b1a-2f2f6a3f9c10", "0B0E6C7E-4F0A-4D55-9B1A-2F2F6A3F9C10"})
    void canonicalUuidsAreValid(String value) {
        assertThat(InsiderAttribute.UUID.accepts(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0b0e6c7e4f0a4d559b1a2f2f6a3f9c10", "{0b0e6c7e-4f0a-4d55-9b1a-2f2f6a3f9c10}",
            "0b0e6c7e-4f0a-4d55-9b1a-2f2f6a3f9c1", "0b0e6c7g-4f0a-4d55-9b1a-2f2f6a3f9c10"})
    void otherIdentifiersAreNotUuids(String value) {
        assertThat(InsiderAttribute.UUID.accepts(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "phone_number", "uuid"})
    void wireNamesAreExactAndLowerCase(String name) {
        assertThat(InsiderAttribute.fromWireName(name)).get().extracting(InsiderAttribute::wireName).isEqualTo(name);
        assertThat(InsiderAttribute.fromWireName(name.toUpperCase())).isEmpty();
    }
}

package dev.cohort.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.CohortException;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    @Test
    void aNumberWithoutCountryCodeIsReadInTheDefaultRegion() {
        PhoneNumbers us = new PhoneNumbers("us");

        assertThat(us.normalise(" (650) 253-0000 ")).isEqualTo("+16502530000");
        assertThat(us.normalise("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(us.normalise("  ")).as("empty once trimmed: a missing value").isNull();
        assertThatThrownBy(() -> us.normalise("n/a")).isInstanceOf(InvalidValueException.class)
                .hasMessage("not a valid phone number for region US");
    }

    @Test
    void anUnknownRegionNamesCodesThatWouldDo() {
        assertThatThrownBy(() -> new PhoneNumbers("UK")).isInstanceOfSatisfying(CohortException.class,
                e -> assertThat(e.errorCode()).isEqualTo(PhoneNumbers.UNKNOWN_REGION))
                .hasMessageContaining("the United Kingdom is GB").hasMessageContaining("US, GB, DE");
    }

    @Test
    void withoutARegionOnlyNumbersWithTheirCountryCodeAreRead() {
        PhoneNumbers international = PhoneNumbers.internationalOnly("no country code: write it with +");

        assertThat(international.normalise("+1 650 253 0000")).isEqualTo("+16502530000");
        assertThatThrownBy(() -> international.normalise("0532 123 45 67")).isInstanceOf(InvalidValueException.class)
                .hasMessage("no country code: write it with +");
        assertThatThrownBy(() -> international.normalise("+999 123")).isInstanceOf(InvalidValueException.class)
                .hasMessage("not a valid phone number");
    }
}

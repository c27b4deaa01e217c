package dev.cohort.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void padsNumbersBehindAPrefix() {
        assertThat(Text.padded('C', 42, 7)).isEqualTo("C0000042");
        assertThat(Text.padded('O', 1_234_567_890, 10)).isEqualTo("O1234567890");
    }

    @Test
    void appendsPaddedDigitsToWhatIsThere() {
        StringBuilder out = new StringBuilder("941");
        Text.appendPadded(out, 3, 2);
        assertThat(out).hasToString("94103");
    }

    @Test
    void writesCentsWithTwoDecimalPlaces() {
        assertThat(Text.cents(5)).isEqualTo("0.05");
        assertThat(Text.cents(100)).isEqualTo("1.00");
        assertThat(Text.cents(123_456)).isEqualTo("1234.56");
    }

    @Test
    void countsDigits() {
        assertThat(Text.digits(0)).isEqualTo(1);
        assertThat(Text.digits(9_999_999)).isEqualTo(7);
        assertThat(Text.digits(10_000_000)).isEqualTo(8);
    }
}

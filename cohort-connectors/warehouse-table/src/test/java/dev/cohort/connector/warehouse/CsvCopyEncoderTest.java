package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CSV that COPY reads: every value quoted, NULL unquoted and empty, UTF-8 by hand. */
class CsvCopyEncoderTest {
    @Test
    void quotesEveryValueDoublesQuotesAndLeavesNullEmpty() {
        assertThat(encode(new String[] {"C1", null, "", "O'Brien, \"Pat\"", "line\nbreak", "\\."}))
                .isEqualTo("\"C1\",,\"\",\"O'Brien, \"\"Pat\"\"\",\"line\nbreak\",\"\\.\"\n");
    }

    @Test
    void encodesUtf8IncludingCharactersBeyondTheBasicPlane() {
        String value = "Zoë – 東京 🎉";

        assertThat(encode(new String[] {value})).isEqualTo("\"" + value + "\"\n");
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMark() {
        assertThat(encode(new String[] {"a\uD83Db"})).isEqualTo("\"a?b\"\n");
    }

    @Test
    void growsForAHugeValueAndShrinksBackWhenCleared() {
        CsvCopyEncoder encoder = new CsvCopyEncoder();
        String huge = "x".repeat(3_000_000);

        encoder.encode(new String[] {huge});
        assertThat(encoder.size()).isEqualTo(huge.length() + 3);
        encoder.clear();

        assertThat(encoder.size()).isZero();
        assertThat(encoder.buffer().length).isEqualTo(1 << 16);
    }

    private static String encode(String[] row) {
        CsvCopyEncoder encoder = new CsvCopyEncoder();
        encoder.encode(row);
        return new String(encoder.buffer(), 0, encoder.size(), StandardCharsets.UTF_8);
    }
}

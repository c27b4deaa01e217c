package dev.cohort.sandbox.insider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentFileTest {
    @Test
    void blankLinesAreSkippedAndEveryOtherRowCounted() {
        SegmentFile file = read("\uFEFF+905321234567\r\n\r\n  +14155550123  \n\t\n0532 123 45 67\n+905321234567", InsiderAttribute.PHONE_NUMBER);

        assertThat(file.validCount()).isEqualTo(3);
        assertThat(file.invalidCount()).isEqualTo(1);
        assertThat(file.values()).containsExactly("+905321234567", "+14155550123");
    }

    @Test
    void aHeaderRowIsAnInvalidValue() {
        SegmentFile file = read("uuid\n0b0e6c7e-4f0a-4d55-9b1a-2f2f6a3f9c10\n", InsiderAttribute.UUID);

        assertThat(file.validCount()).isEqualTo(1);
        assertThat(file.invalidCount()).isEqualTo(1);
    }

    @Test
    void anEmptyFileHasNoValues() {
        SegmentFile file = read("", InsiderAttribute.EMAIL);

        assertThat(file).isEqualTo(new SegmentFile(List.of(), 0, 0));
    }

    private static SegmentFile read(String content, InsiderAttribute attribute) {
        return SegmentFile.read(content.getBytes(StandardCharsets.UTF_8), attribute);
    }
}

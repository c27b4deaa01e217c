package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.destination.WriteContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileNameTemplateTest {
    /** 2024-03-01 02:30 UTC is still February 29th in New York. */
    private static final WriteContext CONTEXT = new WriteContext("run-42", "Weekly loyalty", "vip/members",
            Instant.parse("2024-03-01T02:30:05Z"), ZoneOffset.UTC, false, List.of("id"));

    @Test
    void rendersEveryToken() {
        FileNameTemplate template = FileNameTemplate.parse("{orchestration}-{object}-{run}-{now:yyyyMMdd_HHmmss}-{file_number}.csv");

        assertThat(template.fileName(request(ZoneOffset.UTC, 3, false, false)))
                .isEqualTo("Weekly loyalty-vip_members-run-42-20240301_023005-0000003.csv");
    }

    @Test
    void theTimeIsTheRunsStartInTheConfiguredZone() {
        FileNameTemplate template = FileNameTemplate.parse("{object}_{now:yyyyMMdd}.csv");

        assertThat(template.fileName(request(ZoneId.of("America/New_York"), 1, false, false))).isEqualTo("vip_members_20240229.csv");
    }

    @Test
    void fileNumberTakesAWidth() {
        assertThat(FileNameTemplate.parse("part-{file_number:3}.csv").fileName(request(ZoneOffset.UTC, 12, true, false)))
                .isEqualTo("part-012.csv");
    }

    @Test
    void splitOutputWithoutFileNumberGetsTheNumberBeforeTheExtension() {
        FileNameTemplate template = FileNameTemplate.parse("{object}_{now:yyyyMMdd}.csv");

        assertThat(template.fileName(request(ZoneOffset.UTC, 2, true, false))).isEqualTo("vip_members_20240301_0000002.csv");
        assertThat(template.fileName(request(ZoneOffset.UTC, 2, true, true))).isEqualTo("vip_members_20240301_0000002.csv.gz");
        assertThat(FileNameTemplate.parse("export.csv.gz").fileName(request(ZoneOffset.UTC, 2, true, true)))
                .isEqualTo("export_0000002.csv.gz");
        assertThat(FileNameTemplate.parse("export").fileName(request(ZoneOffset.UTC, 2, true, false))).isEqualTo("export_0000002");
    }

    @Test
    void gzipAppendsGzOnlyWhenMissing() {
        assertThat(FileNameTemplate.parse("a.csv").fileName(request(ZoneOffset.UTC, 1, false, true))).isEqualTo("a.csv.gz");
        assertThat(FileNameTemplate.parse("a.csv.gz").fileName(request(ZoneOffset.UTC, 1, false, true))).isEqualTo("a.csv.gz");
    }

    @Test
    void theDoneMarkerIsTheBaseNameWithoutNumber() {
        FileNameRequest split = request(ZoneOffset.UTC, 1, true, true);

        assertThat(FileNameTemplate.parse("{object}_{now:yyyyMMdd}_{file_number}.csv").doneMarkerName(List.of(), split))
                .isEqualTo("vip_members_20240301.DONE");
        assertThat(FileNameTemplate.parse("{object}.csv").doneMarkerName(List.of(), split)).isEqualTo("vip_members.DONE");
        FileNamer custom = request -> "custom.txt";
        assertThat(custom.doneMarkerName(List.of("custom_1.csv.gz", "custom_2.csv.gz"), split)).isEqualTo("custom_1.DONE");
    }

    @Test
    void badTemplatesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> FileNameTemplate.parse("{objekt}.csv")).hasMessageContaining("unknown token {objekt}")
                .hasMessageContaining("did you mean 'object'");
        assertThatThrownBy(() -> FileNameTemplate.parse("{now}.csv")).hasMessageContaining("{now} needs a date pattern");
        assertThatThrownBy(() -> FileNameTemplate.parse("{now:yyyyMMdd_bb}.csv")).hasMessageContaining("{now:yyyyMMdd_bb} is not a valid date pattern");
        assertThatThrownBy(() -> FileNameTemplate.parse("{now:yyyy/MM}.csv")).hasMessageContaining("puts '/' into the file name");
        assertThatThrownBy(() -> FileNameTemplate.parse("out/{object}.csv")).hasMessageContaining("contains '/'");
        assertThatThrownBy(() -> FileNameTemplate.parse("{object.csv")).hasMessageContaining("'{' without '}'");
        assertThatThrownBy(() -> FileNameTemplate.parse("object}.csv")).hasMessageContaining("'}' without '{'");
        assertThatThrownBy(() -> FileNameTemplate.parse("{file_number:0}.csv")).hasMessageContaining("width from 1 to 18");
        assertThatThrownBy(() -> FileNameTemplate.parse("{run:x}.csv")).hasMessageContaining("takes no ':'");
        assertThatThrownBy(() -> FileNameTemplate.parse("")).hasMessageContaining("is empty");
    }

    @Test
    void namesAreCheckedWhateverTheNamer() {
        assertThatThrownBy(() -> FileNames.requireValid("a/b.csv")).isInstanceOf(CohortException.class).hasMessageContaining("contains '/'");
        assertThatThrownBy(() -> FileNames.requireValid("..")).hasMessageContaining("is not a file name");
        assertThatThrownBy(() -> FileNames.requireValid("x".repeat(256))).hasMessageContaining("longer than 255 bytes");
        assertThat(FileNames.temporaryName("a.csv", "run/7")).isEqualTo(".a.csv.run_7.part");
    }

    private static FileNameRequest request(ZoneId zone, int number, boolean split, boolean gzip) {
        return FileNameRequest.of(CONTEXT, zone, number, split, gzip, List::of);
    }
}

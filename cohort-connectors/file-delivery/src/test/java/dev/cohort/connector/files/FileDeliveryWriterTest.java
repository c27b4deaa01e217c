package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.RowRejection;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class FileDeliveryWriterTest {
    private static final WriteContext CONTEXT = new WriteContext("run-1", "weekly", "audience", Instant.parse("2024-03-01T10:00:00Z"),
            ZoneOffset.UTC, false, List.of("id", "name"));
    private static final FileNamer PLAIN = FileNameTemplate.parse("{object}.csv");

    private final MemoryFolder folder = new MemoryFolder();

    @Test
    void uploadsUnderATemporaryNameAndPublishesOnFinish() {
        WriteResult result;
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.write(batch(1, row("1", "Ada"), row("2", "Grace, H")));
            assertThat(folder.list()).containsExactly(".audience.csv.run-1.part");
            writer.write(batch(3, row("3", null)));
            result = writer.finish();
        }

        assertThat(folder.list()).containsExactly("audience.csv");
        assertThat(folder.text("audience.csv")).isEqualTo("id,name\n1,Ada\n2,\"Grace, H\"\n3,\n");
        assertThat(result.rowsSent()).isEqualTo(3);
        assertThat(result.files()).containsExactly(new DeliveredFile("audience.csv", "memory:/in", folder.bytes("audience.csv").length,
                sha256(folder.bytes("audience.csv")), 3));
        assertThat(folder.isClosed()).isTrue();
    }

    @Test
    void splitGzipAndTheDoneMarkerArePublishedInOrderWithTheMarkerLast() throws IOException {
        WriteResult result;
        try (FileDeliveryWriter writer = writer(options().gzip(true).splitRows(2).doneFile(true).build())) {
            writer.write(batch(1, row("1", "a"), row("2", "b"), row("3", "c")));
            writer.write(batch(4, row("4", "d"), row("5", "e")));
            result = writer.finish();
        }

        assertThat(result.files()).extracting(DeliveredFile::name).containsExactly("audience_0000001.csv.gz", "audience_0000002.csv.gz",
                "audience_0000003.csv.gz", "audience.DONE");
        assertThat(result.files()).extracting(DeliveredFile::rows).containsExactly(2L, 2L, 1L, 0L);
        assertThat(gunzip(folder.bytes("audience_0000002.csv.gz"))).isEqualTo("id,name\n3,c\n4,d\n");
        assertThat(folder.bytes("audience.DONE")).isEmpty();
        assertThat(folder.events()).filteredOn(event -> event.startsWith("rename")).containsExactly(
                "rename .audience_0000001.csv.gz.run-1.part -> audience_0000001.csv.gz",
                "rename .audience_0000002.csv.gz.run-1.part -> audience_0000002.csv.gz",
                "rename .audience_0000003.csv.gz.run-1.part -> audience_0000003.csv.gz",
                "rename .audience.DONE.run-1.part -> audience.DONE");
        assertThat(folder.list()).containsExactlyInAnyOrder("audience_0000001.csv.gz", "audience_0000002.csv.gz",
                "audience_0000003.csv.gz", "audience.DONE");
    }

    @Test
    void rowsTheFormatCannotHoldAreRejectedWithTheirRowNumbers() {
        CsvFormat unquoted = CsvFormat.DEFAULT.withQuoteMode(CsvFormat.QuoteMode.NONE);
        List<RowRejection> rejections;
        try (FileDeliveryWriter writer = writer(options().format(unquoted).build())) {
            rejections = writer.write(new RecordBatch(new long[] {10, 11, 15}, List.of(row("1", "ok"), row("2", "Doe, Jane"),
                    row("3", "fine"))));
            assertThat(writer.finish().rowsSent()).isEqualTo(2);
        }

        assertThat(rejections).containsExactly(new RowRejection(11,
                "field name: contains the delimiter (a comma), which a file without quoting (quote_mode none) cannot hold"));
        assertThat(folder.text("audience.csv")).isEqualTo("id,name\n1,ok\n3,fine\n");
    }

    @Test
    void aConnectorsOwnRowCheckRunsAfterTheFormats() {
        RowValidator idRequired = (row, fields) -> row[0] == null || row[0].isEmpty()
                ? Optional.of("field " + fields.get(0) + ": is empty, and the partner needs an id") : Optional.empty();
        try (FileDeliveryWriter writer = writer(options().rowValidator(idRequired).build())) {
            assertThat(writer.write(batch(1, row("", "x"), row("2", "y")))).extracting(RowRejection::toString)
                    .containsExactly("row 1: field id: is empty, and the partner needs an id");
            writer.finish();
        }
    }

    @Test
    void templateFieldsOutsideAFixedLayoutAreRefusedBeforeAnythingIsUploaded() {
        FieldLayout layout = FieldLayout.fixed(List.of("ROW_ID", "FST_NAME", "LST_NAME"), false);

        assertThatThrownBy(() -> writer(options().layout(layout).build())).isInstanceOfSatisfying(CohortException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FieldLayout.FIELD_NOT_IN_LAYOUT));
        assertThat(folder.events()).isEmpty();
    }

    @Test
    void aHeaderTheFormatCannotHoldIsRefused() {
        WriteContext context = new WriteContext("run-1", "weekly", "audience", CONTEXT.startedAt(), ZoneOffset.UTC, false,
                List.of("id", "last, first"));
        CsvFormat unquoted = CsvFormat.DEFAULT.withQuoteMode(CsvFormat.QuoteMode.NONE);

        assertThatThrownBy(() -> new FileDeliveryWriter(folder, context, options().format(unquoted).build()))
                .isInstanceOfSatisfying(CohortException.class, e -> assertThat(e.errorCode()).isEqualTo(FileDeliveryWriter.INVALID_HEADER))
                .hasMessageContaining("contains the delimiter");
    }

    @Test
    void aFixedLayoutPlacesTheTemplatesFields() {
        WriteContext context = new WriteContext("run-1", "weekly", "audience", CONTEXT.startedAt(), ZoneOffset.UTC, false,
                List.of("FST_NAME", "ROW_ID"));
        FieldLayout layout = FieldLayout.fixed(List.of("ROW_ID", "FST_NAME", "LST_NAME"), false);
        try (FileDeliveryWriter writer = new FileDeliveryWriter(folder, context, options().layout(layout).build())) {
            writer.write(batch(1, row("Ada", "7")));
            writer.finish();
        }

        assertThat(folder.text("audience.csv")).isEqualTo("ROW_ID,FST_NAME,LST_NAME\n7,Ada,\n");
    }

    @Test
    void anEmptyDeliveryPublishesAFileWithOnlyTheHeader() {
        WriteResult result;
        try (FileDeliveryWriter writer = writer(options().build())) {
            result = writer.finish();
        }

        assertThat(result.rowsSent()).isZero();
        assertThat(folder.text("audience.csv")).isEqualTo("id,name\n");
    }

    @Test
    void abortDeletesEveryTemporaryFileAndIsSafeToRepeat() {
        try (FileDeliveryWriter writer = writer(options().splitRows(1).build())) {
            writer.write(batch(1, row("1", "a"), row("2", "b"), row("3", "c")));
            assertThat(folder.list()).hasSize(3);
            writer.abort();
            writer.abort();

            assertThat(folder.list()).isEmpty();
            assertThatThrownBy(() -> writer.write(batch(4, row("4", "d")))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot write a delivery that is aborted");
        }
    }

    @Test
    void closeWithoutFinishLeavesNothing() {
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.write(batch(1, row("1", "a")));
        }

        assertThat(folder.list()).isEmpty();
        assertThat(folder.isClosed()).isTrue();
    }

    @Test
    void aFailedUploadIsARetryableErrorAndAbortRemovesThePartialFile() {
        folder.failUploadsAfter(100);
        try (FileDeliveryWriter writer = writer(options().build())) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) {
                    writer.write(batch(i + 1, row(Integer.toString(i), "a name long enough to fill buffers")));
                }
                writer.finish();
            }).isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT))
                    .hasMessageContaining(".audience.csv.run-1.part");
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
        }

        assertThat(folder.list()).isEmpty();
    }

    @Test
    void anExistingFileIsNeverOverwrittenWithoutAtomicReplaceAndStaysWhenTheDeliveryIsAborted() {
        folder.withoutAtomicReplace().put("audience.csv", "the partner's file");
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.write(batch(1, row("1", "a")));
            assertThatThrownBy(writer::finish).isInstanceOfSatisfying(PartnerException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(SftpErrors.FILE_EXISTS));
        }

        assertThat(folder.list()).containsExactly("audience.csv");
        assertThat(folder.text("audience.csv")).isEqualTo("the partner's file");
    }

    @Test
    void anExistingFileIsReplacedWhenTheServerCanDoItAtomically() {
        folder.put("audience.csv", "last week's file");
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.write(batch(1, row("1", "a")));
            writer.finish();
        }

        assertThat(folder.text("audience.csv")).isEqualTo("id,name\n1,a\n");
    }

    @Test
    void aFinishThatFailsHalfwayRemovesTheFilesItHadPublished() {
        folder.withoutAtomicReplace().put("audience_0000002.csv", "someone else's file");
        try (FileDeliveryWriter writer = writer(options().splitRows(1).build())) {
            writer.write(batch(1, row("1", "a"), row("2", "b")));
            assertThatThrownBy(writer::finish).isInstanceOf(PartnerException.class);
        }

        assertThat(folder.list()).containsExactly("audience_0000002.csv");
        assertThat(folder.text("audience_0000002.csv")).isEqualTo("someone else's file");
    }

    @Test
    void aNamerMayListTheFolderToChooseAVersion() {
        folder.put("VIP_20240301_0001.csv", "earlier").put("VIP_20240301_0002.csv", "earlier").put("OTHER_20240301_0007.csv", "x");
        FileNamer versioned = request -> {
            String prefix = "VIP_" + request.now().toLocalDate().toString().replace("-", "") + "_";
            int next = request.existingNames().stream().filter(name -> name.startsWith(prefix))
                    .mapToInt(name -> Integer.parseInt(name.substring(prefix.length(), prefix.length() + 4))).max().orElse(0) + 1;
            return prefix + String.format("%04d", next) + ".csv";
        };
        try (FileDeliveryWriter writer = writer(FileDeliveryOptions.builder(versioned).replaceExisting(false).build())) {
            writer.write(batch(1, row("1", "a")));
            assertThat(writer.finish().files()).extracting(DeliveredFile::name).containsExactly("VIP_20240301_0003.csv");
        }
    }

    @Test
    void aNamerThatGivesTwoFilesTheSameNameIsRefused() {
        try (FileDeliveryWriter writer = writer(FileDeliveryOptions.builder(request -> "same.csv").splitRows(1).build())) {
            assertThatThrownBy(() -> writer.write(batch(1, row("1", "a"), row("2", "b"))))
                    .hasMessageContaining("gives two files of this delivery the same name 'same.csv'");
        }
        assertThat(folder.list()).isEmpty();
    }

    @Test
    void bytesWrittenCountsWhatWasUploaded() {
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.write(batch(1, row("1", "a")));
            long before = writer.bytesWritten();
            WriteResult result = writer.finish();
            assertThat(writer.bytesWritten()).isGreaterThanOrEqualTo(before).isEqualTo(result.files().get(0).bytes());
        }
    }

    private FileDeliveryWriter writer(FileDeliveryOptions options) {
        return new FileDeliveryWriter(folder, CONTEXT, options);
    }

    private static FileDeliveryOptions.Builder options() {
        return FileDeliveryOptions.builder(PLAIN);
    }

    private static RecordBatch batch(long first, String[]... rows) {
        return RecordBatch.numberedFrom(first, List.of(rows));
    }

    private static String[] row(String... values) {
        return values;
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

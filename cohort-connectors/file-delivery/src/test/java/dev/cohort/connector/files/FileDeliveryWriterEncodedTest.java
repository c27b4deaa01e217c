package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.destination.CsvEncoding;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileDeliveryWriterEncodedTest {
    private static final WriteContext CONTEXT = new WriteContext("run-1", "weekly", "audience", Instant.parse("2024-03-01T10:00:00Z"),
            ZoneOffset.UTC, false, List.of("id", "name", "note"));
    private static final FileNamer PLAIN = FileNameTemplate.parse("{object}.csv");
    /** Values that test every rule: quoting, doubling, NULL against empty, line breaks, non-ASCII, a would-be comment. */
    private static final List<String[]> ROWS = List.of(
            row("1", "Ada", "plain"),
            row("2", "O\"Brien, Pat", "semi;colon"),
            row("3", null, ""),
            row("4", "two\nlines", "carriage\rreturn"),
            row("5", "crlf\r\nend", "tab\there"),
            row("#6", "Zoë 東京 🎉", "C:\\temp"),
            row("\"7\"", " padded ", "'single'"),
            row("8", ",", "\""),
            row("", null, null));

    private final MemoryFolder folder = new MemoryFolder();

    static Stream<Arguments> describableFormats() {
        return Stream.of(
                Arguments.of("default", CsvFormat.DEFAULT),
                Arguments.of("semicolon", CsvFormat.DEFAULT.withDelimiter(';')),
                Arguments.of("tab, no header", CsvFormat.DEFAULT.withDelimiter('\t').withHeader(false)),
                Arguments.of("single quote", new CsvFormat('|', true, CsvFormat.QuoteMode.AS_NEEDED, '\'', '\'', CsvFormat.LineEnding.LF,
                        StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("describableFormats")
    void theEncodedPathPublishesTheFileTheRowPathWould(String name, CsvFormat format) {
        FileDeliveryOptions options = options().format(format).build();

        byte[] fromRows = deliverRows(options);
        byte[] fromEncoded = deliverEncoded(options);

        assertThat(new String(fromEncoded, StandardCharsets.UTF_8)).isEqualTo(new String(fromRows, StandardCharsets.UTF_8));
        assertThat(fromEncoded).isEqualTo(fromRows);
    }

    @Test
    void theDefaultEncodingIsRfc4180() {
        try (FileDeliveryWriter writer = writer(options().build())) {
            assertThat(writer.encoding()).contains(CsvEncoding.RFC_4180);
        }
    }

    @Test
    void gzipFilesHoldTheSameTextAndTheirChecksumIsOfTheCompressedBytes() throws IOException {
        FileDeliveryOptions options = options().gzip(true).build();
        byte[] fromRows = deliverRows(options);
        WriteResult result;
        try (FileDeliveryWriter writer = writer(options)) {
            writer.writeEncoded(encodedRows(writer), () -> ROWS.size());
            result = writer.finish();
        }

        byte[] published = folder.bytes("audience.csv.gz");
        assertThat(gunzip(published)).isEqualTo(gunzip(fromRows));
        assertThat(result.files()).containsExactly(new DeliveredFile("audience.csv.gz", "memory:/in", published.length,
                sha256(published), ROWS.size()));
    }

    @Test
    void aFixedLayoutThatIsTheTemplatesFieldsInOrderStillTakesEncodedRowsUnderItsOwnHeader() {
        FieldLayout layout = FieldLayout.fixed(List.of("ID", "NAME", "NOTE"), false);
        FileDeliveryOptions options = options().layout(layout).build();

        byte[] fromRows = deliverRows(options);
        byte[] fromEncoded = deliverEncoded(options);

        assertThat(fromEncoded).isEqualTo(fromRows);
        assertThat(new String(fromEncoded, StandardCharsets.UTF_8)).startsWith("ID,NAME,NOTE\n");
    }

    @Test
    void theResultCountsTheRowsTheEngineReportsAfterTheStreamEnded() {
        long[] counted = {-1};
        WriteResult result;
        try (FileDeliveryWriter writer = writer(options().build())) {
            InputStream lines = new ByteArrayInputStream("1,a,\n2,b,\n".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    int read = super.read(b, off, len);
                    if (read < 0) {
                        counted[0] = 2;
                    }
                    return read;
                }
            };
            writer.writeEncoded(lines, () -> counted[0]);
            assertThat(writer.bytesWritten()).isPositive();
            result = writer.finish();
            assertThat(writer.bytesWritten()).isEqualTo(result.files().get(0).bytes());
        }

        assertThat(result.rowsSent()).isEqualTo(2);
        assertThat(result.files()).extracting(DeliveredFile::rows).containsExactly(2L);
        assertThat(folder.text("audience.csv")).isEqualTo("id,name,note\n1,a,\n2,b,\n");
    }

    @Test
    void anEmptyStreamPublishesAFileWithOnlyTheHeader() {
        WriteResult result;
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.writeEncoded(InputStream.nullInputStream(), () -> 0);
            result = writer.finish();
        }

        assertThat(result.rowsSent()).isZero();
        assertThat(folder.text("audience.csv")).isEqualTo("id,name,note\n");
    }

    @Test
    void nothingIsVisibleUnderTheFinalNameBeforeFinishAndAbortLeavesNothing() {
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.writeEncoded(encodedRows(writer), () -> ROWS.size());
            assertThat(folder.list()).containsExactly(".audience.csv.run-1.part");
            writer.abort();
        }

        assertThat(folder.list()).isEmpty();
    }

    @Test
    void aStreamThatFailsFailsTheDeliveryWithoutBlamingTheServer() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("pipe closed");
            }
        };
        try (FileDeliveryWriter writer = writer(options().build())) {
            assertThatThrownBy(() -> writer.writeEncoded(broken, () -> 0)).isInstanceOfSatisfying(CohortException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(FileDeliveryWriter.ENCODED_ROWS_UNREADABLE))
                    .hasMessage("Could not read the encoded rows handed to the delivery: pipe closed");
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessage("cannot finish a delivery that is failed");
        }

        assertThat(folder.list()).isEmpty();
    }

    @Test
    void aFailedUploadIsThePartnersErrorAsOnTheRowPath() {
        folder.failUploadsAfter(20);
        try (FileDeliveryWriter writer = writer(options().build())) {
            assertThatThrownBy(() -> writer.writeEncoded(encodedRows(writer), () -> ROWS.size()))
                    .isInstanceOfSatisfying(PartnerException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(SftpErrors.CONNECTION_LOST))
                    .hasMessageContaining(".audience.csv.run-1.part");
        }

        assertThat(folder.list()).isEmpty();
    }

    @Test
    void encodedRowsAreTakenOnceAndNeverMixedWithRows() {
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.writeEncoded(InputStream.nullInputStream(), () -> 0);
            assertThatThrownBy(() -> writer.writeEncoded(InputStream.nullInputStream(), () -> 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("encoded rows were already written: writeEncoded takes every row, once");
            assertThatThrownBy(() -> writer.write(RecordBatch.numberedFrom(1, List.<String[]>of(row("1", "a", "b")))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot write rows to a delivery that took encoded rows: writeEncoded takes every row");
        }
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.write(RecordBatch.numberedFrom(1, List.of()));
            assertThatThrownBy(() -> writer.writeEncoded(InputStream.nullInputStream(), () -> 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("rows were already written with write: writeEncoded must take every row of a delivery");
        }
        try (FileDeliveryWriter writer = writer(options().build())) {
            writer.finish();
            assertThatThrownBy(() -> writer.writeEncoded(InputStream.nullInputStream(), () -> 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot write encoded rows to a delivery that is finished");
        }
    }

    @Test
    void aDeliveryThatCannotTakeEncodedRowsRefusesThem() {
        try (FileDeliveryWriter writer = writer(options().splitRows(10).build())) {
            assertThatThrownBy(() -> writer.writeEncoded(InputStream.nullInputStream(), () -> 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("this delivery cannot take encoded rows (encoding() is empty)");
        }
        assertThat(folder.events()).isEmpty();
    }

    static Stream<Arguments> deliveriesThatNeedEveryRow() {
        CsvFormat backslash = new CsvFormat(',', true, CsvFormat.QuoteMode.AS_NEEDED, '"', '\\', CsvFormat.LineEnding.LF,
                StandardCharsets.UTF_8);
        RowValidator idRequired = (row, fields) -> row[0] == null ? Optional.of("field id: is empty") : Optional.empty();
        return Stream.of(
                Arguments.of("quote_mode none", options().format(CsvFormat.DEFAULT.withQuoteMode(CsvFormat.QuoteMode.NONE))),
                Arguments.of("quote_mode all", options().format(CsvFormat.DEFAULT.withQuoteMode(CsvFormat.QuoteMode.ALL))),
                Arguments.of("backslash escape", options().format(backslash)),
                Arguments.of("crlf", options().format(CsvFormat.DEFAULT.withLineEnding(CsvFormat.LineEnding.CRLF))),
                Arguments.of("ISO-8859-1", options().format(charset(StandardCharsets.ISO_8859_1))),
                Arguments.of("UTF-16", options().format(charset(StandardCharsets.UTF_16))),
                Arguments.of("split_rows", options().splitRows(1_000)),
                Arguments.of("a connector's row check", options().rowValidator(idRequired)),
                Arguments.of("a reordering layout", options().layout(FieldLayout.fixed(List.of("note", "name", "id"), true))),
                Arguments.of("a layout with more columns", options().layout(FieldLayout.fixed(List.of("id", "name", "note", "extra"), true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveriesThatNeedEveryRow")
    void encodingIsEmptyWhenTheDeliveryMustSeeEveryRow(String name, FileDeliveryOptions.Builder options) {
        try (FileDeliveryWriter writer = writer(options.build())) {
            assertThat(writer.encoding()).isEmpty();
        }
    }

    private byte[] deliverRows(FileDeliveryOptions options) {
        MemoryFolder rowsFolder = new MemoryFolder();
        try (FileDeliveryWriter writer = new FileDeliveryWriter(rowsFolder, CONTEXT, options)) {
            writer.write(RecordBatch.numberedFrom(1, ROWS));
            String name = writer.finish().files().get(0).name();
            return rowsFolder.bytes(name);
        }
    }

    private byte[] deliverEncoded(FileDeliveryOptions options) {
        try (FileDeliveryWriter writer = writer(options)) {
            writer.writeEncoded(encodedRows(writer), () -> ROWS.size());
            WriteResult result = writer.finish();
            assertThat(result.rowsSent()).isEqualTo(ROWS.size());
            return folder.bytes(result.files().get(0).name());
        }
    }

    private static InputStream encodedRows(FileDeliveryWriter writer) {
        CsvEncoding encoding = writer.encoding().orElseThrow();
        return new ByteArrayInputStream(ReferenceCsvEncoder.encode(encoding, ROWS));
    }

    private FileDeliveryWriter writer(FileDeliveryOptions options) {
        return new FileDeliveryWriter(folder, CONTEXT, options);
    }

    private static FileDeliveryOptions.Builder options() {
        return FileDeliveryOptions.builder(PLAIN);
    }

    private static CsvFormat charset(Charset charset) {
        CsvFormat d = CsvFormat.DEFAULT;
        return new CsvFormat(d.delimiter(), d.header(), d.quoteMode(), d.quoteChar(), d.escapeChar(), d.lineEnding(), charset);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String[] row(String... values) {
        return values;
    }
}

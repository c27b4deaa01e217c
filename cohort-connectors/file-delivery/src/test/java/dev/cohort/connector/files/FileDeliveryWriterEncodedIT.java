package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The encoded fast path against the embedded SFTP server: rows streamed through a pipe, as the engine hands them over. */
class FileDeliveryWriterEncodedIT {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();
    private static final int ROWS = 100_000;
    private static final WriteContext CONTEXT = context("audience");
    private static final List<String[]> VALUES = rows(ROWS);

    private Path inbox;

    @BeforeEach
    void createInbox() throws IOException {
        inbox = Files.createDirectories(SFTP.userFolder().resolve("inbox"));
    }

    @Test
    void publishesTheFileTheRowPathWouldWithItsChecksumAndRowCount() throws Exception {
        WriteResult result;
        try (FileDeliveryWriter writer = open(CONTEXT)) {
            byte[] encoded = ReferenceCsvEncoder.encode(writer.encoding().orElseThrow(), VALUES);
            try (InputStream pipe = pipe(encoded)) {
                writer.writeEncoded(pipe, () -> ROWS);
            }
            result = writer.finish();
        }
        try (FileDeliveryWriter writer = open(context("audience_rows"))) {
            for (int first = 0; first < ROWS; first += 1_000) {
                writer.write(RecordBatch.numberedFrom(first + 1L, VALUES.subList(first, first + 1_000)));
            }
            writer.finish();
        }

        Path file = inbox.resolve("audience.csv");
        byte[] published = Files.readAllBytes(file);
        assertThat(result.rowsSent()).isEqualTo(ROWS);
        assertThat(result.files()).singleElement().isEqualTo(new DeliveredFile("audience.csv", "sftp://127.0.0.1:" + SFTP.port() + "/inbox",
                published.length, sha256(published), ROWS));
        assertThat(published).isEqualTo(Files.readAllBytes(inbox.resolve("audience_rows.csv")));
        assertThat(new String(published, StandardCharsets.UTF_8)).startsWith("id,email,note\nC0,c0@example.com,\"note 0, with a comma\"\n"
                + "C1,c1@example.com,\"a \"\"quoted\"\" word\"\nC2,c2@example.com,\nC3,c3@example.com,\"Zoë\nline 3\"\n");
        assertThat(leftovers()).containsExactly("audience.csv", "audience_rows.csv");
    }

    @Test
    void aConnectionDroppedMidCopyIsRetryableAndAbortLeavesNothing() throws Exception {
        SFTP.faults().dropConnectionAfterBytesWritten(200_000, 1);
        try (FileDeliveryWriter writer = open(CONTEXT)) {
            byte[] encoded = ReferenceCsvEncoder.encode(writer.encoding().orElseThrow(), VALUES);
            assertThatThrownBy(() -> {
                writer.writeEncoded(new ByteArrayInputStream(encoded), () -> ROWS);
                writer.finish();
            }).isInstanceOfSatisfying(PartnerException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT));
            assertThat(leftovers()).as("the partial upload is still there until abort").isNotEmpty();
            writer.abort();
            assertThat(leftovers()).as("abort reconnected and removed the partial upload").isEmpty();
        }
    }

    @Test
    void anAbortAfterTheCopyLeavesNothing() throws IOException {
        try (FileDeliveryWriter writer = open(CONTEXT)) {
            writer.writeEncoded(new ByteArrayInputStream(ReferenceCsvEncoder.encode(writer.encoding().orElseThrow(), VALUES)), () -> ROWS);
            assertThat(leftovers()).containsExactly(".audience.csv.run-9.part");
            writer.abort();
        }

        assertThat(leftovers()).isEmpty();
    }

    /** The bytes as a reader sees them from a pipe another thread fills: partial reads, and back-pressure on the writer. */
    private static InputStream pipe(byte[] bytes) throws IOException {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread.ofVirtual().name("engine").start(() -> {
            try (out) {
                for (int offset = 0; offset < bytes.length; offset += 8_191) {
                    out.write(bytes, offset, Math.min(8_191, bytes.length - offset));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return in;
    }

    private static FileDeliveryWriter open(WriteContext context) {
        return FileDeliveryWriter.open(TestEndpoints.keyUser(SFTP, "/inbox"), context,
                FileDeliveryOptions.builder(FileNameTemplate.parse("{object}.csv")).build());
    }

    private static WriteContext context(String object) {
        return new WriteContext("run-9", "weekly", object, Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC, false,
                List.of("id", "email", "note"));
    }

    private static List<String[]> rows(int count) {
        List<String[]> rows = new ArrayList<>(count);
        for (int number = 0; number < count; number++) {
            String note = switch (number % 4) {
                case 0 -> "note " + number + ", with a comma";
                case 1 -> "a \"quoted\" word";
                case 2 -> null;
                default -> "Zoë\nline " + number;
            };
            rows.add(new String[] {"C" + number, "c" + number + "@example.com", note});
        }
        return rows;
    }

    private List<String> leftovers() {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

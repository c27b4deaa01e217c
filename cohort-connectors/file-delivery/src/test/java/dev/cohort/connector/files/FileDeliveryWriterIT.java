package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.sandbox.sftp.SftpEvent;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.DeliveredFile;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FileDeliveryWriterIT {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();
    private static final WriteContext CONTEXT = new WriteContext("run-7", "weekly", "audience", Instant.parse("2024-03-01T10:00:00Z"),
            ZoneOffset.UTC, false, List.of("id", "email", "note"));

    private Path inbox;

    @BeforeEach
    void createInbox() throws IOException {
        inbox = Files.createDirectories(SFTP.userFolder().resolve("inbox"));
    }

    @Test
    void deliversAFileWhoseChecksumAndSizeMatchWhatTheServerHas() throws Exception {
        WriteResult result;
        try (FileDeliveryWriter writer = open(FileDeliveryOptions.builder(FileNameTemplate.parse("{object}_{now:yyyyMMdd}.csv")).build())) {
            writer.write(rows(1, 2_000));
            writer.write(rows(2_001, 1_000));
            result = writer.finish();
        }

        Path file = inbox.resolve("audience_20240301.csv");
        assertThat(leftovers()).containsExactly("audience_20240301.csv");
        assertThat(result.files()).singleElement().isEqualTo(new DeliveredFile("audience_20240301.csv",
                "sftp://127.0.0.1:" + SFTP.port() + "/inbox", Files.size(file), sha256(Files.readAllBytes(file)), 3_000));
        assertThat(Files.readAllLines(file)).hasSize(3_001).startsWith("id,email,note", "C1,c1@example.com,\"note 1, with a comma\"");
    }

    @Test
    void aConnectionDroppedMidUploadIsRetryableAndAbortLeavesNothing() {
        SFTP.faults().dropConnectionAfterBytesWritten(200_000, 1);
        try (FileDeliveryWriter writer = open(options().build())) {
            assertThatThrownBy(() -> {
                for (int batch = 0; batch < 100; batch++) {
                    writer.write(rows(batch * 1_000L + 1, 1_000));
                }
                writer.finish();
            }).isInstanceOfSatisfying(PartnerException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_TRANSIENT);
                assertThat(e.errorCode()).isIn(SftpErrors.CONNECTION_LOST, SftpErrors.TIMEOUT);
            }).hasMessageContaining("was lost");
            assertThat(leftovers()).as("the partial upload is still there until abort").isNotEmpty();
        }

        assertThat(leftovers()).as("abort reconnected and removed the partial upload").isEmpty();
    }

    @Test
    void aFullQuotaIsItsOwnErrorAndNothingIsLeftBehind() {
        SFTP.faults().storageQuota(SftpServerExtension.KEY_USER, 100_000);
        try (FileDeliveryWriter writer = open(options().build())) {
            assertThatThrownBy(() -> {
                for (int batch = 0; batch < 20; batch++) {
                    writer.write(rows(batch * 1_000L + 1, 1_000));
                }
                writer.finish();
            }).isInstanceOfSatisfying(PartnerException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(SftpErrors.DISK_FULL);
                assertThat(e.kind()).isEqualTo(ErrorKind.EXTERNAL_PERMANENT);
            }).hasMessageContaining("the server's disk or the user's quota is full (SSH_FX_QUOTA_EXCEEDED)");
        }

        assertThat(leftovers()).isEmpty();
    }

    @Test
    void splitGzipFilesArePublishedBeforeTheDoneMarker() throws IOException {
        WriteResult result;
        try (FileDeliveryWriter writer = open(options().splitRows(400).gzip(true).doneFile(true).build())) {
            writer.write(rows(1, 1_000));
            result = writer.finish();
        }

        List<String> names = List.of("audience_0000001.csv.gz", "audience_0000002.csv.gz", "audience_0000003.csv.gz", "audience.DONE");
        assertThat(result.files()).extracting(DeliveredFile::name).containsExactlyElementsOf(names);
        assertThat(leftovers()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(SFTP.events()).filteredOn(event -> event.kind() == SftpEvent.Kind.RENAMED).extracting(SftpEvent::target)
                .containsExactlyElementsOf(names.stream().map(name -> "/inbox/" + name).toList());
        assertThat(gunzipLines(inbox.resolve("audience_0000003.csv.gz"))).hasSize(201).first().isEqualTo("id,email,note");
        assertThat(inbox.resolve("audience.DONE")).isEmptyFile();
    }

    @Test
    void anExistingFileIsReplacedAtomically() throws IOException {
        Files.writeString(inbox.resolve("audience.csv"), "last week");
        try (FileDeliveryWriter writer = open(options().build())) {
            writer.write(rows(1, 2));
            writer.finish();
        }

        assertThat(Files.readAllLines(inbox.resolve("audience.csv"))).hasSize(3);
        assertThat(leftovers()).containsExactly("audience.csv");
    }

    @Test
    void aReadOnlyFolderIsAPermissionError() {
        SFTP.faults().readOnly(SftpServerExtension.KEY_USER, "/inbox");
        try (FileDeliveryWriter writer = open(options().build())) {
            assertThatThrownBy(() -> writer.write(rows(1, 1))).isInstanceOfSatisfying(PartnerException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(SftpErrors.PERMISSION_DENIED))
                    .hasMessageContaining("Could not create .audience.csv.run-7.part in /inbox")
                    .hasMessageContaining("permission denied for user 'partner'");
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMissingFolderIsNamedWhenTheFirstFileIsCreated() {
        SftpEndpoint missing = TestEndpoints.keyUser(SFTP, "/outbox");
        try (FileDeliveryWriter writer = FileDeliveryWriter.open(missing, CONTEXT, options().build())) {
            assertThatThrownBy(() -> writer.write(rows(1, 1))).isInstanceOfSatisfying(PartnerException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(SftpErrors.FOLDER_NOT_FOUND))
                    .hasMessageContaining("the folder /outbox does not exist");
        }
    }

    private static FileDeliveryOptions.Builder options() {
        return FileDeliveryOptions.builder(FileNameTemplate.parse("{object}.csv"));
    }

    private static FileDeliveryWriter open(FileDeliveryOptions options) {
        return FileDeliveryWriter.open(TestEndpoints.keyUser(SFTP, "/inbox"), CONTEXT, options);
    }

    static RecordBatch rows(long first, int count) {
        List<String[]> rows = new ArrayList<>(count);
        for (long number = first; number < first + count; number++) {
            rows.add(new String[] {"C" + number, "c" + number + "@example.com", "note " + number + ", with a comma"});
        }
        return RecordBatch.numberedFrom(first, rows);
    }

    private List<String> leftovers() {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> gunzipLines(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

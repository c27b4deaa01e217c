package dev.cohort.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSftpFaultsIT {
    private static final KeyPair PARTNER_KEY = SshKeys.generateEd25519();

    @TempDir
    Path root;
    private SandboxSftpServer server;

    @BeforeEach
    void start() {
        server = SandboxSftpServer.builder()
                .root(root)
                .user(SftpUser.named("partner").withAuthorizedKey(PARTNER_KEY.getPublic()))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void writesBeyondTheStorageQuotaFailWithQuotaExceeded() throws IOException {
        Files.write(server.userFolder("partner").resolve("earlier.csv"), new byte[400]);
        server.faults().storageQuota("partner", 1_000);
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            client.upload("fits.csv", new byte[600]);

            assertThatThrownBy(() -> client.upload("too-much.csv", new byte[1]))
                    .isInstanceOfSatisfying(SftpException.class, e -> assertThat(e.getStatus())
                            .isEqualTo(SftpFaults.QUOTA_EXCEEDED_STATUS)
                            .isEqualTo(SftpConstants.SSH_FX_QUOTA_EXCEEDED));
            client.upload("fits.csv", new byte[600]);
        }
        assertThat(server.userFolder("partner").resolve("too-much.csv")).isEmptyFile();
    }

    @Test
    void theSessionIsClosedOnceItsUploadPassesTheLimit() throws IOException {
        server.faults().dropConnectionAfterBytesWritten(64 * 1024, 1);
        byte[] content = new byte[1024 * 1024];
        Arrays.fill(content, (byte) 'x');
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            assertThatThrownBy(() -> client.upload("big.csv", content)).isInstanceOf(IOException.class);
            assertThat(client.awaitClosed()).isTrue();
        }
        assertThat(Files.size(server.userFolder("partner").resolve("big.csv"))).isLessThanOrEqualTo(64 * 1024);

        try (SftpTestClient retry = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            retry.upload("big.csv", content);
        }
        assertThat(Files.size(server.userFolder("partner").resolve("big.csv"))).isEqualTo(content.length);
    }

    @Test
    void aReadOnlyFolderDeniesWritesRenamesAndRemovals() throws IOException {
        Path outbox = Files.createDirectories(server.userFolder("partner").resolve("outbox"));
        Files.writeString(outbox.resolve("report.csv"), "kept");
        server.faults().readOnly("partner", "/outbox");
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            SftpClient sftp = client.sftp();
            assertPermissionDenied(() -> client.upload("/outbox/new.csv", new byte[1]));
            assertPermissionDenied(() -> sftp.rename("/outbox/report.csv", "/report.csv"));
            assertPermissionDenied(() -> sftp.remove("/outbox/report.csv"));
            assertPermissionDenied(() -> sftp.mkdir("/outbox/sub"));

            client.upload("/elsewhere.csv", new byte[1]);
            try (var in = sftp.read("/outbox/report.csv")) {
                assertThat(in.readAllBytes()).asString().isEqualTo("kept");
            }
        }
        assertThat(outbox.resolve("new.csv")).doesNotExist();
        assertThat(outbox.resolve("report.csv")).hasContent("kept");
    }

    @Test
    void aReadOnlyUserCannotWriteAnywhereUntilTheFaultsAreCleared() throws IOException {
        server.faults().readOnly("partner");
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            assertPermissionDenied(() -> client.upload("a.csv", new byte[1]));
            server.faults().clear();
            client.upload("a.csv", new byte[1]);
        }
        assertThat(server.userFolder("partner").resolve("a.csv")).exists();
    }

    private static void assertPermissionDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SftpException.class,
                e -> assertThat(e.getStatus()).isEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED));
    }
}

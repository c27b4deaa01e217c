package dev.cohort.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSftpHostKeyIT {
    private static final KeyPair PARTNER_KEY = SshKeys.generateEd25519();

    @TempDir
    Path root;

    @Test
    void theHostKeyIsGeneratedOnceAndKeptAcrossRestarts() throws IOException {
        String firstFingerprint;
        try (SandboxSftpServer first = server().start()) {
            firstFingerprint = first.hostKeyFingerprint();
        }
        try (SandboxSftpServer second = server().start();
             SftpTestClient client = SftpTestClient.withKey(second, "partner", PARTNER_KEY)) {
            assertThat(second.hostKeyFingerprint()).isEqualTo(firstFingerprint);
            client.upload("after-restart.csv", new byte[] {1});
        }
        Path keyFile = root.resolve(SandboxSftpServer.DEFAULT_HOST_KEY_FILE);
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    @Test
    void aGivenHostKeyFileIsUsedAndCreatedWithItsFolders() {
        Path keyFile = root.resolve("keys/sandbox/host_key");
        try (SandboxSftpServer server = server().hostKeyFile(keyFile).start()) {
            assertThat(server.hostKeyFile()).isEqualTo(keyFile);
            assertThat(SshKeys.fingerprint(SshKeys.readPrivateKey(keyFile).getPublic())).isEqualTo(server.hostKeyFingerprint());
        }
    }

    @Test
    void fingerprintAndKnownHostsLineAreInOpenSshFormat() throws NoSuchAlgorithmException {
        try (SandboxSftpServer server = server().start()) {
            String line = server.knownHostsLine();
            String[] fields = line.split(" ");
            assertThat(fields).hasSize(3);
            assertThat(fields[0]).isEqualTo("[127.0.0.1]:" + server.port());
            assertThat(fields[1]).isEqualTo("ssh-ed25519");

            byte[] blob = Base64.getDecoder().decode(fields[2]);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            assertThat(server.hostKeyFingerprint())
                    .isEqualTo("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest));
        }
    }

    @Test
    void anUnreadableHostKeyFileIsReportedWithItsPath() throws IOException {
        Path keyFile = Files.writeString(root.resolve("broken_key"), "not a key", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> server().hostKeyFile(keyFile).build())
                .isInstanceOfSatisfying(SandboxSftpException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SandboxSftpException.KEY_FILE))
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("delete it to have a new ed25519 host key generated");
    }

    private SandboxSftpServer.Builder server() {
        return SandboxSftpServer.builder().root(root).user(SftpUser.named("partner").withAuthorizedKey(PARTNER_KEY.getPublic()));
    }
}

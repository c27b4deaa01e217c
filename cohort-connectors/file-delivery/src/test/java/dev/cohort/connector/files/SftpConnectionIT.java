package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.testing.sftp.ClientKey;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SftpConnectionIT {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension().withRsaClientKey();

    @Test
    void logsInWithKeysInOpenSshAndPemFormsAndWithAPassword() {
        for (String key : new String[] {SFTP.clientPrivateKeyOpenSsh(), SFTP.clientPrivateKeyPkcs8(), SFTP.rsaClientKey().pkcs1PrivateKey(),
                SFTP.rsaClientKey().pkcs8PrivateKey(), SFTP.rsaClientKey().openSshPrivateKey()}) {
            SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/",
                    Map.of("host_key", SFTP.hostKeyFingerprint()), Map.of("private_key", key));
            try (SftpConnection connection = SftpConnection.open(endpoint)) {
                assertThat(connection.isOpen()).isTrue();
            }
        }
        try (SftpConnection connection = SftpConnection.open(TestEndpoints.passwordUser(SFTP, SFTP.password()))) {
            connection.checkFolder();
        }
    }

    @Test
    void uploadsAreEncryptedWithAesGcmForThroughput() {
        try (SftpConnection connection = SftpConnection.open(TestEndpoints.keyUser(SFTP, "/"))) {
            assertThat(connection.uploadCipher()).isEqualTo("aes128-gcm@openssh.com");
        }
    }

    @Test
    void uploadsSendTheLargestWritesTheServerTakesAndArriveWhole() throws IOException {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        try (SftpConnection connection = SftpConnection.open(TestEndpoints.keyUser(SFTP, "/"))) {
            // MINA's server says (limits@openssh.com) it takes writes of 256 KiB; OpenSSH's client would send 255 KiB
            assertThat(connection.writeLength()).isEqualTo(SftpConnection.MAX_WRITE_BUFFER_SIZE);
            try (OutputStream out = connection.create("large.bin")) {
                out.write(content);
            }
        }
        assertThat(Files.readAllBytes(SFTP.userFolder().resolve("large.bin"))).isEqualTo(content);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatDoesNotShowThePassword() {
        assertFailure(TestEndpoints.passwordUser(SFTP, "wrong-password-123"), SftpErrors.AUTHENTICATION_FAILED, ErrorKind.USER_ERROR)
                .hasMessageContaining("refused user '" + SftpServerExtension.PASSWORD_USER + "' with the credential's password")
                .hasMessageNotContaining("wrong-password-123");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsAnAuthenticationFailure() {
        SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/", Map.of("host_key", SFTP.hostKeyFingerprint()),
                Map.of("private_key", ClientKey.ed25519("stranger").openSshPrivateKey()));

        assertFailure(endpoint, SftpErrors.AUTHENTICATION_FAILED, ErrorKind.USER_ERROR)
                .hasMessageContaining("private key (ssh-ed25519)");
    }

    @Test
    void anUnpinnedHostKeyIsRefusedShowingTheFingerprintToPin() {
        String otherKey = ClientKey.ed25519("impostor").fingerprint();
        SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/", Map.of("host_key", otherKey),
                Map.of("private_key", SFTP.clientPrivateKeyOpenSsh()));

        assertFailure(endpoint, SftpErrors.HOST_KEY_REJECTED, ErrorKind.EXTERNAL_PERMANENT)
                .hasMessageContaining("presented the host key ssh-ed25519 " + SFTP.hostKeyFingerprint())
                .hasMessageContaining("not the pinned key (host_key: " + otherKey + ")")
                .hasMessageContaining("pin it with host_key: " + SFTP.hostKeyFingerprint());
    }

    @Test
    void theKnownHostsLinePinsTheKeyAndAllowUnknownHostKeyAcceptsAny() {
        SftpEndpoint byLine = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/", Map.of("host_key", SFTP.knownHostsLine()),
                Map.of("private_key", SFTP.clientPrivateKeyOpenSsh()));
        SftpEndpoint unchecked = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/", Map.of("allow_unknown_host_key", true),
                Map.of("private_key", SFTP.clientPrivateKeyOpenSsh()));

        for (SftpEndpoint endpoint : new SftpEndpoint[] {byLine, unchecked}) {
            try (SftpConnection connection = SftpConnection.open(endpoint)) {
                assertThat(connection.isOpen()).isTrue();
            }
        }
    }

    @Test
    void aPortWithoutServerIsARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/",
                Map.of("host_key", SFTP.hostKeyFingerprint(), "port", closedPort), Map.of("password", "x"));

        assertFailure(endpoint, SftpErrors.CONNECTION_REFUSED, ErrorKind.EXTERNAL_TRANSIENT)
                .hasMessageContaining("127.0.0.1:" + closedPort + " was refused");
    }

    @Test
    void aServerThatNeverSpeaksSshIsATimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/",
                    Map.of("host_key", SFTP.hostKeyFingerprint(), "port", silent.getLocalPort(), "connect_timeout", "1s"),
                    Map.of("password", "x"));

            assertFailure(endpoint, SftpErrors.TIMEOUT, ErrorKind.EXTERNAL_TRANSIENT).hasMessageContaining("within 1s");
        }
    }

    @Test
    void anUnknownHostNameIsNamed() {
        SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/",
                Map.of("host_key", SFTP.hostKeyFingerprint(), "host", "no-such-host.invalid"), Map.of("password", "x"));

        assertFailure(endpoint, SftpErrors.UNKNOWN_HOST, ErrorKind.USER_ERROR)
                .hasMessageContaining("'no-such-host.invalid' does not resolve");
    }

    @Test
    void aMissingFolderIsNamedWithTheFix() {
        try (SftpConnection connection = SftpConnection.open(TestEndpoints.keyUser(SFTP, "/no/such/folder"))) {
            assertThatThrownBy(connection::checkFolder).isInstanceOfSatisfying(PartnerException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(SftpErrors.FOLDER_NOT_FOUND))
                    .hasMessageContaining("the folder /no/such/folder does not exist").hasMessageContaining("remote_folder");
        }
    }

    @Test
    void listsRenamesAndDeletesInTheFolder() throws IOException {
        Files.createDirectories(SFTP.userFolder().resolve("in"));
        Files.writeString(SFTP.userFolder().resolve("in/old.csv"), "old");
        try (SftpConnection connection = SftpConnection.open(TestEndpoints.keyUser(SFTP, "/in"))) {
            try (OutputStream out = connection.create(".new.part")) {
                out.write("new".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(connection.list()).containsExactlyInAnyOrder("old.csv", ".new.part");
            assertThat(connection.canReplaceAtomically()).isTrue();

            connection.rename(".new.part", "old.csv", true);

            assertThat(connection.list()).containsExactly("old.csv");
            assertThat(connection.read("old.csv").readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("new");
            assertThat(connection.delete("old.csv")).isTrue();
            assertThat(connection.delete("old.csv")).isFalse();
        }
    }

    @Test
    void renamingOntoAnExistingFileWithoutReplaceIsRefused() throws IOException {
        Files.writeString(SFTP.userFolder().resolve("taken.csv"), "theirs");
        try (SftpConnection connection = SftpConnection.open(TestEndpoints.keyUser(SFTP, "/"))) {
            connection.create(".mine.part").close();

            assertThatThrownBy(() -> connection.rename(".mine.part", "taken.csv", false)).isInstanceOfSatisfying(PartnerException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(SftpErrors.FILE_EXISTS)).hasMessageContaining("A file named taken.csv already exists");
        }
        assertThat(SFTP.userFolder().resolve("taken.csv")).hasContent("theirs");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFailure(SftpEndpoint endpoint, ErrorCode code,
                                                                                                   ErrorKind kind) {
        return assertThatThrownBy(() -> SftpConnection.open(endpoint).close()).isInstanceOfSatisfying(PartnerException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(kind);
        });
    }
}

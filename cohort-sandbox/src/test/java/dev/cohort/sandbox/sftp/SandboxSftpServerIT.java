package dev.cohort.sandbox.sftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSftpServerIT {
    private static final KeyPair PARTNER_KEY = SshKeys.generateEd25519();
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path root;
    private SandboxSftpServer server;
    private final List<SftpEvent> listened = new ArrayList<>();

    @BeforeEach
    void start() {
        server = SandboxSftpServer.builder()
                .root(root)
                .user(SftpUser.named("partner").withAuthorizedKey(PARTNER_KEY.getPublic()))
                .user(SftpUser.named("koupon").withPassword(PASSWORD))
                .eventListener(listened::add)
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keyUserUploadsRenamesListsAndDeletes() throws IOException {
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            SftpClient sftp = client.sftp();
            sftp.mkdir("/upload");
            client.upload("/upload/audience.csv.part", "id\n1\n".getBytes(UTF_8));
            sftp.rename("/upload/audience.csv.part", "/upload/audience.csv");

            assertThat(names(sftp, "/upload")).containsExactly("audience.csv");
            assertThat(Files.readString(server.userFolder("partner").resolve("upload/audience.csv"))).isEqualTo("id\n1\n");

            sftp.remove("/upload/audience.csv");
            assertThat(names(sftp, "/upload")).isEmpty();
        }
        assertThat(server.events()).containsExactly(
                new SftpEvent("partner", SftpEvent.Kind.DIRECTORY_CREATED, "/upload", null, 0),
                new SftpEvent("partner", SftpEvent.Kind.FILE_WRITTEN, "/upload/audience.csv.part", null, 5),
                new SftpEvent("partner", SftpEvent.Kind.RENAMED, "/upload/audience.csv.part", "/upload/audience.csv", 0),
                new SftpEvent("partner", SftpEvent.Kind.REMOVED, "/upload/audience.csv", null, 0));
        assertThat(listened).isEqualTo(server.events());
    }

    @Test
    void passwordUserUploadsIntoItsOwnFolder() throws IOException {
        try (SftpTestClient client = SftpTestClient.withPassword(server, "koupon", PASSWORD)) {
            client.upload("offers.csv", "ROW_ID\n7\n".getBytes(UTF_8));
        }
        assertThat(Files.readString(root.resolve("koupon/offers.csv"))).isEqualTo("ROW_ID\n7\n");
        assertThat(root.resolve("partner/offers.csv")).doesNotExist();
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> SftpTestClient.withPassword(server, "koupon", "wrong").close())
                .isInstanceOf(SshException.class)
                .hasMessageContaining("No more authentication methods available");
    }

    @Test
    void passwordOfAKeyOnlyUserAndAnUnknownKeyAreRefused() {
        assertThatThrownBy(() -> SftpTestClient.withPassword(server, "partner", PASSWORD).close()).isInstanceOf(SshException.class);
        assertThatThrownBy(() -> SftpTestClient.withKey(server, "partner", SshKeys.generateEd25519()).close()).isInstanceOf(SshException.class);
        assertThatThrownBy(() -> SftpTestClient.withKey(server, "nobody", PARTNER_KEY).close()).isInstanceOf(SshException.class);
    }

    @Test
    void usersCannotLeaveTheirFolder() throws IOException {
        Files.writeString(root.resolve("koupon/secret.csv"), "not for partner");
        try (SftpTestClient client = SftpTestClient.withKey(server, "partner", PARTNER_KEY)) {
            SftpClient sftp = client.sftp();
            assertThat(sftp.canonicalPath("../..")).isEqualTo("/");

            client.upload("../../escape.txt", "x".getBytes(UTF_8));

            assertThatThrownBy(() -> sftp.read("../koupon/secret.csv").close())
                    .isInstanceOfSatisfying(SftpException.class,
                            e -> assertThat(e.getStatus()).isEqualTo(SftpConstants.SSH_FX_NO_SUCH_FILE));
            assertThat(names(sftp, "..")).containsExactly("escape.txt");
        }
        assertThat(root.resolve("partner/escape.txt")).exists();
        assertThat(root.resolve("escape.txt")).doesNotExist();
        assertThat(root.getParent().resolve("escape.txt")).doesNotExist();
    }

    @Test
    void listensOnAnEphemeralLoopbackPortAndDescribesHowToConnect() {
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.describe())
                .contains("port " + server.port())
                .contains("user partner: folder " + root.resolve("partner") + " (no password, 1 authorized key(s))")
                .contains("user koupon: folder " + root.resolve("koupon") + " (password, 0 authorized key(s))")
                .contains(server.hostKeyFingerprint())
                .contains(server.knownHostsLine())
                .doesNotContain(PASSWORD);
    }

    @Test
    void closeStopsListening() {
        server.close();
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static List<String> names(SftpClient sftp, String folder) throws IOException {
        return StreamSupport.stream(sftp.readDir(folder).spliterator(), false)
                .map(SftpClient.DirEntry::getFilename)
                .filter(name -> !name.equals(".") && !name.equals(".."))
                .sorted()
                .toList();
    }
}

package dev.cohort.testing.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.sandbox.sftp.SftpEvent;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SftpServerExtensionIT {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension().withRsaClientKey();

    @Test
    void theKeyUserLogsInWithEveryFormOfItsKeys() throws Exception {
        assertStartsClean();
        for (String privateKey : new String[] {SFTP.clientPrivateKeyOpenSsh(), SFTP.clientPrivateKeyPkcs8(),
                SFTP.rsaClientKey().pkcs1PrivateKey(), SFTP.rsaClientKey().pkcs8PrivateKey()}) {
            try (MinaSftpClient client = MinaSftpClient.withPrivateKeyText(SFTP.host(), SFTP.port(), SFTP.hostPublicKey(),
                    SftpServerExtension.KEY_USER, privateKey)) {
                client.upload("audience.csv", "id\n1\n");
            }
        }
        assertThat(SFTP.userFolder().resolve("audience.csv")).hasContent("id\n1\n");
        assertThat(SFTP.events()).hasSize(4).allMatch(event -> event.kind() == SftpEvent.Kind.FILE_WRITTEN);
        SFTP.faults().readOnly(SftpServerExtension.KEY_USER);
    }

    @Test
    void thePasswordUserLogsInWithThePassword() throws Exception {
        assertStartsClean();
        try (MinaSftpClient client = MinaSftpClient.withPassword(SFTP.host(), SFTP.port(), SFTP.hostPublicKey(),
                SftpServerExtension.PASSWORD_USER, SFTP.password())) {
            client.upload("offers.csv", "ROW_ID\n");
        }
        assertThat(SFTP.userFolder(SftpServerExtension.PASSWORD_USER).resolve("offers.csv")).hasContent("ROW_ID\n");
        SFTP.faults().readOnly(SftpServerExtension.PASSWORD_USER);
    }

    @Test
    void describesTheServer() {
        assertThat(SFTP.host()).isEqualTo("127.0.0.1");
        assertThat(SFTP.knownHostsLine()).isEqualTo("[127.0.0.1]:" + SFTP.port() + " " + SFTP.knownHostsLine().split(" ", 2)[1]);
        assertThat(SFTP.hostKeyFingerprint()).isEqualTo(SFTP.server().hostKeyFingerprint()).startsWith("SHA256:");
        assertThat(SFTP.clientPrivateKeyPkcs8()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(SFTP.clientPrivateKeyOpenSsh()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(SFTP.clientKey().type()).isEqualTo("ssh-ed25519");
        assertThat(SFTP.rsaClientKey().type()).isEqualTo("ssh-rsa");
        assertThatThrownBy(() -> SFTP.clientKey().pkcs1PrivateKey()).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Each test leaves a file and a fault behind; the next one must not see them. */
    private static void assertStartsClean() throws Exception {
        try (Stream<?> files = Stream.concat(Files.list(SFTP.userFolder()), Files.list(SFTP.userFolder(SftpServerExtension.PASSWORD_USER)))) {
            assertThat(files).isEmpty();
        }
        assertThat(SFTP.events()).isEmpty();
        try (MinaSftpClient client = MinaSftpClient.withPassword(SFTP.host(), SFTP.port(), SFTP.hostPublicKey(),
                SftpServerExtension.PASSWORD_USER, SFTP.password())) {
            client.upload("probe.csv", "x");
            client.sftp().remove("probe.csv");
        } catch (SftpException e) {
            assertThat(e.getStatus()).as("faults were cleared").isNotEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED);
            throw e;
        }
        SFTP.server().clearEvents();
    }
}

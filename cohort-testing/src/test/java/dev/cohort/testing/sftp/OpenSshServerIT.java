package dev.cohort.testing.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenSshServerIT {
    private static OpenSshServer sshd;

    @BeforeAll
    static void startSshd() {
        assumeTrue(OpenSshServer.isAvailable(), OpenSshServer.unavailableReason());
        sshd = OpenSshServer.start();
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void aMinaClientUploadsWithTheFixturesEd25519KeyInBothFormats() throws Exception {
        try (MinaSftpClient client = MinaSftpClient.withPrivateKeyText(sshd.host(), sshd.port(), sshd.hostPublicKey(),
                sshd.user(), sshd.clientKey().openSshPrivateKey())) {
            client.upload(sshd.remoteFolder() + "/audience.csv", "id\n1\n");
            client.upload("relative.csv", "id\n2\n");
        }
        try (MinaSftpClient client = MinaSftpClient.withPrivateKeyText(sshd.host(), sshd.port(), sshd.hostPublicKey(),
                sshd.user(), sshd.clientKey().pkcs8PrivateKey())) {
            client.sftp().rename(sshd.remoteFolder() + "/audience.csv", sshd.remoteFolder() + "/audience-final.csv");
        }
        assertThat(sshd.userFolder().resolve("audience-final.csv")).hasContent("id\n1\n");
        assertThat(sshd.userFolder().resolve("relative.csv")).hasContent("id\n2\n");
    }

    @Test
    void describesItselfLikeTheSandboxServer() {
        assertThat(sshd.knownHostsLine()).startsWith("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 AAAA");
        assertThat(sshd.hostKeyFingerprint()).startsWith("SHA256:");
        assertThat(sshd.remoteFolder()).isEqualTo(sshd.userFolder().toString()).startsWith("/");
        assertThat(Path.of(sshd.remoteFolder())).isDirectory();
    }

    @Test
    void stopsByItsPidAndLeavesNothingBehind() {
        OpenSshServer second = OpenSshServer.start();
        Path folder = second.userFolder().getParent();
        long pid = second.pid();

        second.close();

        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(folder).doesNotExist();
    }
}

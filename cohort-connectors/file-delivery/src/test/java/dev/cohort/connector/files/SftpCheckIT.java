package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import dev.cohort.testing.sftp.ClientKey;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SftpCheckIT {
    @RegisterExtension
    static final SftpServerExtension SFTP = new SftpServerExtension();

    @Test
    void everyStepPassesAndTheProbeFileIsGone() throws IOException {
        Files.createDirectories(SFTP.userFolder().resolve("inbox"));

        CheckResult result = SftpCheck.run(TestEndpoints.keyUser(SFTP, "/inbox"), CheckContext.DEFAULT);

        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.steps()).extracting(Step::name).containsExactly("resolve 127.0.0.1", "connect to 127.0.0.1:" + SFTP.port(),
                "verify host key", "authenticate as partner", "open folder /inbox", "write a test file");
        assertThat(result.steps().get(2).message()).startsWith("ssh-ed25519 " + SFTP.hostKeyFingerprint()).endsWith("matches host_key");
        assertThat(result.steps().get(3).message()).isEqualTo("logged in with the private key (ssh-ed25519)");
        assertThat(result.steps().get(5).message()).matches("wrote and deleted \\.cohort-check-[0-9a-f-]+\\.tmp in /inbox");
        try (var files = Files.list(SFTP.userFolder().resolve("inbox"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aWrongPasswordFailsTheAuthenticateStepWithAPlainMessage() {
        CheckResult result = SftpCheck.run(TestEndpoints.passwordUser(SFTP, "not-the-password"), CheckContext.DEFAULT);

        assertThat(result.ok()).isFalse();
        assertThat(result.steps()).extracting(Step::ok).containsExactly(true, true, true, false);
        Step failed = result.steps().get(3);
        assertThat(failed.name()).isEqualTo("authenticate as password-partner");
        assertThat(failed.message()).isEqualTo("The server 127.0.0.1:" + SFTP.port() + " refused user 'password-partner' with the"
                + " credential's password: check the user name and the credential (and that the partner has installed the public key)");
        assertThat(result.summary()).doesNotContain("not-the-password");
    }

    @Test
    void anUnknownHostKeyFailsItsStepShowingTheFingerprintToPin() {
        SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/",
                Map.of("host_key", ClientKey.ed25519("impostor").fingerprint()), Map.of("private_key", SFTP.clientPrivateKeyOpenSsh()));

        CheckResult result = SftpCheck.run(endpoint, CheckContext.DEFAULT);

        assertThat(result.steps()).extracting(Step::ok).containsExactly(true, true, false);
        assertThat(result.summary()).startsWith("verify host key: the server 127.0.0.1:" + SFTP.port() + " presented the host key")
                .contains("pin it with host_key: " + SFTP.hostKeyFingerprint());
    }

    @Test
    void anUnverifiedHostKeyIsShownWithHowToPinIt() {
        SftpEndpoint endpoint = TestEndpoints.endpoint(SFTP, SftpServerExtension.KEY_USER, "/", Map.of("allow_unknown_host_key", true),
                Map.of("private_key", SFTP.clientPrivateKeyOpenSsh()));

        CheckResult result = SftpCheck.run(endpoint, CheckContext.DEFAULT);

        assertThat(result.ok()).isTrue();
        assertThat(result.steps().get(2).message()).contains("accepted without checking (allow_unknown_host_key)")
                .endsWith("pin it with host_key: " + SFTP.hostKeyFingerprint());
    }

    @Test
    void aMissingFolderFailsTheOpenFolderStep() {
        CheckResult result = SftpCheck.run(TestEndpoints.keyUser(SFTP, "/outbox"), CheckContext.DEFAULT);

        assertThat(result.steps()).extracting(Step::ok).containsExactly(true, true, true, true, false);
        assertThat(result.summary()).isEqualTo("open folder /outbox: Could not open the folder /outbox: the folder /outbox does not exist on"
                + " 127.0.0.1:" + SFTP.port() + " (or is not a folder); create it or correct remote_folder");
    }

    @Test
    void aReadOnlyFolderFailsTheWriteStep() {
        SFTP.faults().readOnly(SftpServerExtension.KEY_USER);

        CheckResult result = SftpCheck.run(TestEndpoints.keyUser(SFTP, "/"), CheckContext.DEFAULT);

        assertThat(result.steps()).extracting(Step::ok).containsExactly(true, true, true, true, true, false);
        assertThat(result.summary()).startsWith("write a test file: Could not create .cohort-check-")
                .contains("permission denied for user 'partner'");
    }
}

package dev.cohort.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSftpOptionsTest {
    private static final Map<String, String> WITH_PASSWORD = Map.of(SandboxSftpOptions.PASSWORD_VARIABLE, "s3cret");

    @Test
    void everyOptionIsRead() {
        SandboxSftpOptions options = SandboxSftpOptions.parse(List.of("--root", "/srv/sftp", "--port", "0", "--host", "0.0.0.0",
                "--user", "koupon", "--authorized-keys", "keys", "--password", "--host-key", "/etc/key"), WITH_PASSWORD);

        assertThat(options).isEqualTo(new SandboxSftpOptions("0.0.0.0", 0, Path.of("/srv/sftp"), "koupon", Path.of("keys"),
                "s3cret", Path.of("/etc/key")));
    }

    @Test
    void defaultsServeUserPartnerOnPort2222UnderSandboxSftp() {
        SandboxSftpOptions options = SandboxSftpOptions.parse(List.of("--password"), WITH_PASSWORD);

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(2222);
        assertThat(options.user()).isEqualTo("partner");
        assertThat(options.root()).isEqualTo(Path.of("sandbox-sftp"));
        assertThat(options.hostKey()).isEqualTo(Path.of("sandbox-sftp", "ssh_host_ed25519_key"));
        assertThat(options.toUser().passwordMatches("s3cret")).isTrue();
    }

    @Test
    void thePasswordComesOnlyFromTheEnvironmentAndIsNeverShown() {
        assertThatThrownBy(() -> SandboxSftpOptions.parse(List.of("--password"), Map.of()))
                .isInstanceOf(SandboxSftpException.class)
                .hasMessageContaining("COHORT_SANDBOX_SFTP_PASSWORD");
        assertThatThrownBy(() -> SandboxSftpOptions.parse(List.of("--password", "s3cret"), WITH_PASSWORD))
                .hasMessage("Unknown option `s3cret`.");
        SandboxSftpOptions options = SandboxSftpOptions.parse(List.of("--password"), WITH_PASSWORD);
        assertThat(options.toString()).doesNotContain("s3cret").contains("password=****");
        assertThat(options.toUser().toString()).doesNotContain("s3cret");
    }

    @Test
    void aUserWithoutPasswordOrKeysIsRefused() {
        assertThatThrownBy(() -> SandboxSftpOptions.parse(List.of("--user", "koupon"), WITH_PASSWORD))
                .isInstanceOfSatisfying(SandboxSftpException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SandboxSftpException.INVALID_SETTING))
                .hasMessage("The SFTP user `koupon` has no way to log in: give --authorized-keys FILE, or --password "
                        + "with the password in $COHORT_SANDBOX_SFTP_PASSWORD.");
    }

    @Test
    void malformedArgumentsAreNamed() {
        assertThatThrownBy(() -> SandboxSftpOptions.parse(List.of("--port", "twenty"), WITH_PASSWORD))
                .hasMessageContaining("The port `twenty` is not a number");
        assertThatThrownBy(() -> SandboxSftpOptions.parse(List.of("--root"), WITH_PASSWORD))
                .hasMessage("The option --root needs a value.");
        assertThatThrownBy(() -> SandboxSftpOptions.parse(List.of("--user", "../etc", "--password"), WITH_PASSWORD).toUser())
                .hasMessageContaining("The SFTP user name `../etc` is not valid");
    }
}

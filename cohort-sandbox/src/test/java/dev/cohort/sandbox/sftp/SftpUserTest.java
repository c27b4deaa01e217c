package dev.cohort.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SftpUserTest {
    @Test
    void namesMustBeUsableAsFolderNames() {
        assertThat(SftpUser.named("crowd.twist_1-a").name()).isEqualTo("crowd.twist_1-a");
        for (String bad : new String[] {"", "..", "a/b", ".hidden", "-dash", "x".repeat(65)}) {
            assertThatThrownBy(() -> SftpUser.named(bad))
                    .isInstanceOfSatisfying(SandboxSftpException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(SandboxSftpException.INVALID_SETTING));
        }
    }

    @Test
    void passwordsAreComparedAndNeverShown() {
        SftpUser user = SftpUser.named("koupon").withPassword("s3cret");
        assertThat(user.passwordMatches("s3cret")).isTrue();
        assertThat(user.passwordMatches("S3cret")).isFalse();
        assertThat(user.passwordMatches(null)).isFalse();
        assertThat(SftpUser.named("keys-only").passwordMatches("")).isFalse();
        assertThat(user.toString()).isEqualTo("SftpUser[name=koupon, password=****, authorizedKeys=0]");
        assertThatThrownBy(() -> user.withPassword("")).hasMessageContaining("password of SFTP user `koupon` is empty");
    }

    @Test
    void theBuilderNeedsARootAndDistinctUsers() {
        assertThatThrownBy(() -> SandboxSftpServer.builder().user(SftpUser.named("a")).build())
                .hasMessage("The sandbox SFTP server needs a root folder.");
        assertThatThrownBy(() -> SandboxSftpServer.builder().root(Path.of("unused")).build())
                .hasMessage("The sandbox SFTP server needs at least one user.");
        assertThatThrownBy(() -> SandboxSftpServer.builder().user(SftpUser.named("a")).user(SftpUser.named("a").withPassword("p")))
                .hasMessageContaining("The SFTP user `a` is declared twice");
        assertThatThrownBy(() -> SandboxSftpServer.builder().port(70_000))
                .hasMessageContaining("The SFTP port 70000 is out of range");
    }
}

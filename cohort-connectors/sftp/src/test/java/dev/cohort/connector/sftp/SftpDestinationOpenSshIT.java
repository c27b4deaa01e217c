package dev.cohort.connector.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cohort.connector.files.SftpErrors;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.PartnerException;
import dev.cohort.spi.destination.RecordBatch;
import dev.cohort.spi.destination.WriteContext;
import dev.cohort.spi.destination.WriteResult;
import dev.cohort.testing.sftp.ClientKey;
import dev.cohort.testing.sftp.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core path against the real thing partners run: OpenSSH's sshd (ed25519 host key, key
 * authentication, its own sftp-server). Skipped, with the reason, where /usr/sbin/sshd is missing.
 */
class SftpDestinationOpenSshIT {
    private static final SftpDestinationType TYPE = new SftpDestinationType();
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
    void deliversWithKeyAuthenticationToAPinnedServer() throws IOException {
        SftpDestinationConfig config = configure(Map.of("host_key", sshd.knownHostsLine(), "gzip", false, "done_file", true));
        WriteContext context = new WriteContext("run-openssh", "weekly", "members", Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC,
                false, List.of("id", "name"));

        CheckResult check = TYPE.check(config, CheckContext.DEFAULT);
        WriteResult result;
        try (DestinationWriter writer = TYPE.open(config, context)) {
            writer.write(RecordBatch.numberedFrom(1, List.of(new String[] {"1", "Ada"}, new String[] {"2", "Lovelace, \"Ada\""})));
            result = writer.finish();
        }

        assertThat(check.ok()).as(check.summary()).isTrue();
        assertThat(result.files()).extracting(file -> file.name()).containsExactly("members_20240301.csv", "members_20240301.DONE");
        assertThat(sshd.userFolder().resolve("members_20240301.csv")).hasContent("id,name\n1,Ada\n2,\"Lovelace, \"\"Ada\"\"\"");
        try (Stream<java.nio.file.Path> files = Files.list(sshd.userFolder())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("members_20240301.csv",
                    "members_20240301.DONE");
        }
    }

    @Test
    void aServerWhoseKeyIsNotPinnedIsRefused() {
        SftpDestinationConfig config = configure(Map.of("host_key", ClientKey.ed25519("impostor").fingerprint()));
        WriteContext context = new WriteContext("run-refused", "weekly", "members", Instant.now(), ZoneOffset.UTC, false, List.of("id"));

        assertThatThrownBy(() -> TYPE.open(config, context).close()).isInstanceOfSatisfying(PartnerException.class,
                e -> assertThat(e.errorCode()).isEqualTo(SftpErrors.HOST_KEY_REJECTED))
                .hasMessageContaining("pin it with host_key: " + sshd.hostKeyFingerprint());
    }

    private static SftpDestinationConfig configure(Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("host", sshd.host(), "port", sshd.port(), "user", sshd.user(),
                "remote_folder", sshd.remoteFolder(), "file_name", "{object}_{now:yyyyMMdd}.csv"));
        values.putAll(extra);
        return TYPE.configure(new Settings(TYPE.spec().settings(), values, Map.of("private_key", sshd.clientKey().openSshPrivateKey())));
    }
}

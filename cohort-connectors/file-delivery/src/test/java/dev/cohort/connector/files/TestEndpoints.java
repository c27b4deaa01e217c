package dev.cohort.connector.files;

import dev.cohort.spi.config.Settings;
import dev.cohort.testing.sftp.SftpServerExtension;
import java.util.HashMap;
import java.util.Map;

/** Endpoints for the embedded SFTP test server, bound through the real settings. */
final class TestEndpoints {
    private TestEndpoints() {}

    /** The key user, its ed25519 key in OpenSSH form, the host key pinned by fingerprint. */
    static SftpEndpoint keyUser(SftpServerExtension sftp, String remoteFolder) {
        return endpoint(sftp, SftpServerExtension.KEY_USER, remoteFolder, Map.of("host_key", sftp.hostKeyFingerprint()),
                Map.of("private_key", sftp.clientPrivateKeyOpenSsh()));
    }

    static SftpEndpoint passwordUser(SftpServerExtension sftp, String password) {
        return endpoint(sftp, SftpServerExtension.PASSWORD_USER, "/", Map.of("host_key", sftp.hostKeyFingerprint()),
                Map.of("password", password));
    }

    static SftpEndpoint endpoint(SftpServerExtension sftp, String user, String remoteFolder, Map<String, Object> extraSettings,
                                 Map<String, String> secrets) {
        Map<String, Object> values = new HashMap<>(Map.of("host", sftp.host(), "port", sftp.port(), "user", user,
                "remote_folder", remoteFolder, "connect_timeout", "10s"));
        values.putAll(extraSettings);
        Settings settings = new Settings(SftpSettings.SETTINGS, values, secrets);
        SftpEndpoint endpoint = SftpSettings.bind(settings);
        settings.validate();
        return endpoint;
    }
}

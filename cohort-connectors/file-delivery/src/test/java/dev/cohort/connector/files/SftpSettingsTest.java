package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.Settings;
import dev.cohort.testing.sftp.ClientKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SftpSettingsTest {
    private static final ClientKey CLIENT = ClientKey.ed25519("client");
    private static final ClientKey SERVER = ClientKey.ed25519("server");

    @Test
    void bindsAnEndpointWithDefaults() {
        Settings settings = settings(Map.of("host", "sftp.example.com", "user", "acme", "remote_folder", "/incoming/",
                "host_key", SERVER.fingerprint()), Map.of("private_key", CLIENT.openSshPrivateKey()));

        SftpEndpoint endpoint = SftpSettings.bind(settings);
        settings.validate();

        assertThat(endpoint.port()).isEqualTo(22);
        assertThat(endpoint.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(endpoint.hostKey().matches(SERVER.publicKey())).isTrue();
        assertThat(endpoint.credentials().keys()).hasSize(1);
        assertThat(endpoint.location()).isEqualTo("sftp://sftp.example.com:22/incoming");
        assertThat(endpoint.pathOf("a.csv")).isEqualTo("/incoming/a.csv");
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheField() {
        Settings settings = settings(Map.of("host", "sftp://sftp.example.com", "port", 70_000, "user", "acme", "remote_folder", "incoming",
                "connect_timeout", "0s"), Map.of());

        assertThat(SftpSettings.bind(settings)).isNull();

        assertThatThrownBy(settings::validate).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .extracting(ConfigProblem::field)
                .containsExactlyInAnyOrder("host", "port", "remote_folder", "host_key", "connect_timeout", "credential"));
        assertThat(settings.problems()).filteredOn(p -> p.field().equals("host_key")).singleElement()
                .extracting(ConfigProblem::message).asString().contains("SHA-256 fingerprint", "allow_unknown_host_key: true");
        assertThat(settings.problems()).filteredOn(p -> p.field().equals("remote_folder")).singleElement()
                .extracting(ConfigProblem::message).asString().contains("/incoming");
    }

    @Test
    void anUnknownHostKeyIsAcceptedOnlyWhenAllowedExplicitly() {
        Settings settings = settings(Map.of("host", "localhost", "user", "acme", "remote_folder", "/", "allow_unknown_host_key", true),
                Map.of("password", "s3cret-pass"));

        SftpEndpoint endpoint = SftpSettings.bind(settings);
        settings.validate();

        assertThat(endpoint.hostKey()).isNull();
        assertThat(endpoint.allowUnknownHostKey()).isTrue();
        assertThat(endpoint.folder()).isEqualTo("/");
        assertThat(endpoint.pathOf("a.csv")).isEqualTo("/a.csv");
    }

    @Test
    void anUnreadablePrivateKeyIsAProblemOfTheCredential() {
        Settings settings = settings(validSettings(), Map.of("private_key", "not a key at all"));

        assertThat(SftpSettings.bind(settings)).isNull();
        assertThat(settings.problems()).extracting(ConfigProblem::field).containsExactly("credential.private_key");
        assertThat(settings.problems().get(0).message()).doesNotContain("not a key at all");
    }

    @Test
    void aBadHostKeyIsReportedWithTheReason() {
        Map<String, Object> values = new HashMap<>(validSettings());
        values.put("host_key", "SHA256:abc");
        Settings settings = settings(values, Map.of("password", "pw"));

        SftpSettings.bind(settings);

        assertThat(settings.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("host_key");
            assertThat(problem.message()).contains("is not a SHA-256 fingerprint");
        });
    }

    @Test
    void toStringMasksThePasswordAndKeys() {
        Settings settings = settings(validSettings(), Map.of("password", "s3cret-pass", "private_key", CLIENT.pkcs8PrivateKey()));

        SftpEndpoint endpoint = SftpSettings.bind(settings);

        assertThat(endpoint.toString()).doesNotContain("s3cret-pass").contains("password=****", "acme@sftp.example.com:22/in");
        assertThat(endpoint.credentials().describe()).isEqualTo("private key (ssh-ed25519) or password");
        CLIENT.pkcs8PrivateKey().lines().filter(line -> !line.startsWith("-----"))
                .forEach(line -> assertThat(endpoint.toString()).doesNotContain(line));
    }

    private static Map<String, Object> validSettings() {
        return Map.of("host", "sftp.example.com", "user", "acme", "remote_folder", "/in", "host_key", SERVER.fingerprint());
    }

    private static Settings settings(Map<String, Object> values, Map<String, String> secrets) {
        return new Settings(SftpSettings.SETTINGS, values, secrets);
    }
}

package dev.cohort.connector.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.connector.files.CsvFormat;
import dev.cohort.connector.files.FileDeliveryOptions;
import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.Capability;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.testing.sftp.ClientKey;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SftpDestinationTypeTest {
    private static final SftpDestinationType TYPE = new SftpDestinationType();
    private static final ClientKey HOST = ClientKey.ed25519("host");

    @Test
    void declaresItselfAsTheGenericSftpDestination() {
        DestinationSpec spec = TYPE.spec();

        assertThat(spec.type()).isEqualTo("sftp");
        assertThat(spec.displayName()).isEqualTo("SFTP");
        assertThat(spec.credentialType()).isEqualTo("sftp");
        assertThat(spec.template().hasFixedLayout()).isFalse();
        assertThat(spec.template().requiredFields()).isEmpty();
        assertThat(spec.capabilities()).containsExactlyInAnyOrder(Capability.FILES, Capability.DATABASE_EXPORT);
        assertThat(spec.retryPolicy().maxAttempts()).isEqualTo(3);
        assertThat(spec.retryPolicy().backoff(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.settings()).extracting(SettingSpec::name).containsExactly("host", "port", "user", "remote_folder", "host_key",
                "allow_unknown_host_key", "connect_timeout", "file_name", "time_zone", "gzip", "split_rows", "done_file", "delimiter",
                "header", "quote_mode", "quote_char", "escape_char", "line_ending", "charset");
        assertThat(spec.settings()).filteredOn(setting -> setting.name().equals("file_name")).singleElement()
                .extracting(SettingSpec::defaultValue).isEqualTo("{object}_{now:yyyyMMdd_HHmmss}.csv");
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(DestinationType.class).stream().map(ServiceLoader.Provider::type))
                .contains(SftpDestinationType.class);
    }

    @Test
    void configuresWithDefaults() {
        SftpDestinationConfig config = TYPE.configure(settings(Map.of("host", "sftp.partner.example", "user", "acme",
                "remote_folder", "/in", "host_key", HOST.fingerprint()), Map.of("password", "pa55word!")));

        FileDeliveryOptions delivery = config.delivery();
        assertThat(delivery.format()).isEqualTo(CsvFormat.DEFAULT);
        assertThat(delivery.fileNamer()).hasToString("{object}_{now:yyyyMMdd_HHmmss}.csv");
        assertThat(delivery.timeZone()).isNull();
        assertThat(delivery.gzip()).isFalse();
        assertThat(delivery.splitRows()).isZero();
        assertThat(delivery.doneFile()).isFalse();
        assertThat(config.toString()).doesNotContain("pa55word!");
    }

    @Test
    void reportsTheProblemsOfEverySettingGroupAtOnce() {
        Settings settings = settings(Map.of("host", "sftp://partner", "port", 0, "remote_folder", "in", "file_name", "{objekt}.csv",
                "time_zone", "Mars/Olympus", "split_rows", -1, "quote_mode", "sometimes", "gzipp", true), Map.of());

        assertThatThrownBy(() -> TYPE.configure(settings)).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .extracting(ConfigProblem::field).containsExactlyInAnyOrder("gzipp", "user", "quote_mode", "host", "port", "remote_folder",
                        "host_key", "credential", "file_name", "time_zone", "split_rows"))
                .hasMessageContaining("gzipp: unknown setting; did you mean 'gzip'?");
    }

    private static Settings settings(Map<String, Object> values, Map<String, String> secrets) {
        return new Settings(TYPE.spec().settings(), values, secrets);
    }
}

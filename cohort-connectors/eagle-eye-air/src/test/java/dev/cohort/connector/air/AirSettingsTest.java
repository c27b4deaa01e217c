package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AirSettingsTest {
    private static final AirLoyaltyPlatform PLATFORM = new AirLoyaltyPlatform();
    private static final Map<String, String> CREDENTIAL = Map.of("client_id", "acme-client-01", "client_secret", "s3cr3t-ab12");

    @Test
    void aMinimalConfigurationTakesTheDefaults() {
        AirConfig config = configure(Map.of("base_url", "https://wallet.sandbox.uk.eagleeye.com/"), CREDENTIAL);

        assertThat(config.baseUrl()).isEqualTo(URI.create("https://wallet.sandbox.uk.eagleeye.com"));
        assertThat(config.triggerUrl()).isEqualTo(URI.create("https://wallet.sandbox.uk.eagleeye.com/services/trigger"));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.basketValueDecimals()).isEqualTo(2);
        assertThat(config.currency()).isNull();
        assertThat(config.tierNames()).isEmpty();
        assertThat(config.clientId()).isEqualTo("acme-client-01");
        assertThat(config.clientSecret()).isEqualTo("s3cr3t-ab12");
    }

    @Test
    void everySettingIsRead() {
        AirConfig config = configure(Map.of("base_url", "http://127.0.0.1:8089/air", "trigger_path", "/2.0/services/trigger",
                "request_timeout", "5s", "currency", "gbp", "basket_value_decimals", "0", "tier_names", "177=Silver,179 = Gold"), CREDENTIAL);

        assertThat(config.triggerUrl()).isEqualTo(URI.create("http://127.0.0.1:8089/air/2.0/services/trigger"));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.currency()).isEqualTo("GBP");
        assertThat(config.basketValueDecimals()).isZero();
        assertThat(config.tierNames()).containsExactlyInAnyOrderEntriesOf(Map.of("177", "Silver", "179", "Gold"));
        assertThat(config.tierName("179")).isEqualTo("Gold");
        assertThat(config.tierName("180")).isEqualTo("180");
    }

    @Test
    void everyProblemIsReportedAtOnceWithoutTheSecrets() {
        Map<String, Object> settings = Map.of("base_url", "ftp://user:pw@air.example", "trigger_path", "services/trigger",
                "request_timeout", "10m", "currency", "pounds", "basket_value_decimals", "7", "tier_names", "177, 179=Gold, 179=Platinum",
                "batch_size", "75");

        assertThatThrownBy(() -> configure(settings, Map.of("client_secret", "s3cr3t ab12")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::field).containsExactlyInAnyOrder("batch_size", "base_url",
                            "trigger_path", "request_timeout", "currency", "basket_value_decimals", "tier_names", "tier_names",
                            "credential.client_id", "credential.client_secret");
                    assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("client_id", "https://");
                });
    }

    @Test
    void baseUrlIsRequired() {
        assertThatThrownBy(() -> configure(Map.of(), CREDENTIAL)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("base_url"));
    }

    @Test
    void aBaseUrlWithAQueryIsRefused() {
        assertThatThrownBy(() -> configure(Map.of("base_url", "https://air.example/?unit=1"), CREDENTIAL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must not have a query");
    }

    @Test
    void theConfigurationNeverShowsTheCredential() {
        AirConfig config = configure(Map.of("base_url", "https://air.example"), CREDENTIAL);

        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("acme-client-01").contains("https://air.example");
    }

    private static AirConfig configure(Map<String, Object> settings, Map<String, String> secrets) {
        return PLATFORM.configure(new Settings(PLATFORM.spec().settings(), settings, secrets));
    }
}

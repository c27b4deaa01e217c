package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AirTriggerSettingsTest {
    private static final AirTriggerDestinationType TYPE = new AirTriggerDestinationType();
    private static final Map<String, String> CREDENTIAL = Map.of("client_id", "acme-client-01", "client_secret", "s3cr3t-ab12");

    @Test
    void aMinimalConfigurationTakesTheDefaults() {
        AirTriggerConfig config = configure(Map.of("base_url", "https://wallet.sandbox.uk.eagleeye.com/", "reward_key", " welcome-2026 "),
                CREDENTIAL);

        assertThat(config.air().triggerUrl()).isEqualTo(URI.create("https://wallet.sandbox.uk.eagleeye.com/services/trigger"));
        assertThat(config.air().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.air().clientId()).isEqualTo("acme-client-01");
        assertThat(config.air().clientSecret()).isEqualTo("s3cr3t-ab12");
        assertThat(config.rewardKey()).isEqualTo("welcome-2026");
        assertThat(config.actionReference()).isNull();
        assertThat(config.allowTestRuns()).as("test runs reward for real: refused unless allowed").isFalse();
    }

    @Test
    void everySettingIsRead() {
        AirTriggerConfig config = configure(Map.of("base_url", "http://127.0.0.1:8089/air", "trigger_path", "/2.0/services/trigger",
                "request_timeout", "5s", "reward_key", "Welcome 2026", "action_reference", " LATE_DELIVERY_500 ", "allow_test_runs", "true"),
                CREDENTIAL);

        assertThat(config.air().triggerUrl()).isEqualTo(URI.create("http://127.0.0.1:8089/air/2.0/services/trigger"));
        assertThat(config.air().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.rewardKey()).isEqualTo("Welcome 2026");
        assertThat(config.actionReference()).isEqualTo("LATE_DELIVERY_500");
        assertThat(config.allowTestRuns()).isTrue();
        assertThat(config.rewardKey(false)).isEqualTo("Welcome 2026");
        assertThat(config.rewardKey(true)).isEqualTo("Welcome 2026-cohort-test");
    }

    @Test
    void everyProblemIsReportedAtOnceWithoutTheSecrets() {
        Map<String, Object> settings = new HashMap<>(Map.of("base_url", "ftp://air.example", "trigger_path", "services/trigger",
                "request_timeout", "10m", "reward_key", "welcome\t2026", "action_reference", "  ", "allow_test_runs", "maybe",
                "currency", "GBP"));

        assertThatThrownBy(() -> configure(settings, Map.of("client_secret", "s3cr3t ab12")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::field).containsExactlyInAnyOrder("currency", "base_url",
                            "trigger_path", "request_timeout", "reward_key", "action_reference", "allow_test_runs",
                            "credential.client_id", "credential.client_secret");
                    assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("client_id", "https://", "welcome-2026");
                });
    }

    @Test
    void rewardKeyIsRequired() {
        assertThatThrownBy(() -> configure(Map.of("base_url", "https://air.example"), CREDENTIAL))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("reward_key");
                    assertThat(e.getMessage()).contains("once per reward_key");
                });
    }

    @Test
    void aRewardKeyMustNotLookLikeATestRunsOrBeLong() {
        assertThatThrownBy(() -> configure(Map.of("base_url", "https://air.example", "reward_key", "welcome-Cohort-Test"), CREDENTIAL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ends with -cohort-test");
        assertThatThrownBy(() -> configure(Map.of("base_url", "https://air.example", "reward_key", "w".repeat(101)), CREDENTIAL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> configure(Map.of("base_url", "https://air.example", "reward_key", "   "), CREDENTIAL))
                .isInstanceOf(ConfigException.class).hasMessageContaining("reward_key: is empty");
    }

    @Test
    void thePlatformsOtherSettingsAreNotTheDestinations() {
        assertThatThrownBy(() -> configure(Map.of("base_url", "https://air.example", "reward_key", "w", "tier_names", "1=Gold"), CREDENTIAL))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::field)
                        .containsExactly("tier_names"));
    }

    @Test
    void theConfigurationNeverShowsTheCredential() {
        AirTriggerConfig config = configure(Map.of("base_url", "https://air.example", "reward_key", "welcome-2026"), CREDENTIAL);

        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("acme-client-01").contains("https://air.example",
                "welcome-2026");
    }

    private static AirTriggerConfig configure(Map<String, Object> settings, Map<String, String> secrets) {
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings, secrets));
    }
}

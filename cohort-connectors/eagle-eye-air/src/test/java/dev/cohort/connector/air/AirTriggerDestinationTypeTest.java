package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The declaration of {@code eagle-eye-air-trigger} and what it says about an orchestration's fields. */
class AirTriggerDestinationTypeTest {
    private static final AirTriggerDestinationType TYPE = new AirTriggerDestinationType();
    private static final AirTriggerConfig WITH_ACTION = configure(Map.of("action_reference", "LATE_DELIVERY_500"));
    private static final AirTriggerConfig WITHOUT_ACTION = configure(Map.of());

    @Test
    void declaresItself() {
        DestinationSpec spec = TYPE.spec();
        assertThat(spec.type()).isEqualTo("eagle-eye-air-trigger");
        assertThat(spec.displayName()).isEqualTo("Eagle Eye AIR rewards");
        assertThat(spec.credentialType()).isEqualTo("eagle-eye-air");
        assertThat(spec.secrets()).isEqualTo(new AirLoyaltyPlatform().spec().secrets());
        assertThat(spec.settings()).extracting(SettingSpec::name).containsExactly("base_url", "trigger_path", "request_timeout",
                "reward_key", "action_reference", "allow_test_runs");
        assertThat(spec.template().requiredFields()).containsExactly("identity_value");
        assertThat(spec.template().layout()).containsExactly("identity_value", "action_reference");
        assertThat(spec.template().caseSensitive()).isFalse();
        assertThat(spec.optionalRateLimit()).as("AIR publishes none").isEmpty();
        assertThat(spec.retryPolicy().maxAttempts()).isGreaterThan(1);
        assertThat(spec.capabilities()).isEmpty();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(DestinationType.class).stream().map(ServiceLoader.Provider::type))
                .contains(AirTriggerDestinationType.class);
    }

    @Test
    void anIdentityWithTheSettingsActionIsEnough() {
        assertThat(TYPE.checkFields(WITH_ACTION, List.of("identity_value"))).isEmpty();
        assertThat(TYPE.checkFields(WITH_ACTION, List.of("IDENTITY_VALUE", "Action_Reference"))).as("case is ignored").isEmpty();
        assertThat(TYPE.checkFields(WITHOUT_ACTION, List.of("identity_value", "action_reference"))).isEmpty();
    }

    @Test
    void aMissingIdentityIsExplained() {
        assertThat(TYPE.checkFields(WITH_ACTION, List.of("loyalty_id"))).singleElement().asString()
                .contains("need a field identity_value", "it outputs loyalty_id", "SELECT loyalty_id AS identity_value");
        assertThat(TYPE.checkFields(WITH_ACTION, List.of())).singleElement().asString().contains("it outputs no field");
    }

    @Test
    void noActionAnywhereIsExplained() {
        assertThat(TYPE.checkFields(WITHOUT_ACTION, List.of("identity_value"))).singleElement().asString()
                .contains("no behavioural action to trigger", "set action_reference in the destination's settings",
                        "field action_reference per row");
    }

    @Test
    void fieldsAirDoesNotTakeAndRepeatedFieldsAreNamed() {
        assertThat(TYPE.checkFields(WITH_ACTION, List.of("identity_value", "email", "first_name"))).singleElement().asString()
                .contains("fields email, first_name are not used", "only identity_value and action_reference");
        assertThat(TYPE.checkFields(WITH_ACTION, List.of("identity_value", "IDENTITY_VALUE"))).singleElement().asString()
                .contains("identity_value appears 2 times");
        assertThat(TYPE.checkFields(WITHOUT_ACTION, List.of("customer_id", "email"))).as("every problem at once").hasSize(3)
                .anySatisfy(problem -> assertThat(problem).contains("need a field identity_value"))
                .anySatisfy(problem -> assertThat(problem).contains("no behavioural action"))
                .anySatisfy(problem -> assertThat(problem).contains("customer_id, email are not used"));
    }

    @Test
    void aRewardKeyIsOneOrchestrations() {
        assertThat(TYPE.exclusiveKey(WITH_ACTION)).contains("reward_key 'welcome-2026'");
    }

    private static AirTriggerConfig configure(Map<String, Object> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("base_url", "https://wallet.sandbox.uk.eagleeye.com",
                "reward_key", "welcome-2026"));
        settings.putAll(extra);
        return TYPE.configure(new Settings(TYPE.spec().settings(), settings,
                Map.of("client_id", "acme-client-01", "client_secret", "s3cr3t-ab12")));
    }
}

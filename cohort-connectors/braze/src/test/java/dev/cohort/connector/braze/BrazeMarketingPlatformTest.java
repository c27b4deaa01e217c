package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.event.EventPlatformSpec;
import dev.cohort.spi.event.MarketingPlatform;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BrazeMarketingPlatformTest {
    @Test
    void theRuntimeFindsItByServiceLoader() {
        assertThat(ServiceLoader.load(MarketingPlatform.class).stream().map(ServiceLoader.Provider::type))
                .contains(BrazeMarketingPlatform.class);
    }

    @Test
    void itDeclaresBrazesLimitsTheCredentialAndTheSettings() {
        EventPlatformSpec spec = new BrazeMarketingPlatform().spec();

        assertThat(spec.name()).isEqualTo("braze");
        assertThat(spec.displayName()).isEqualTo("Braze");
        assertThat(spec.credentialType()).isEqualTo("braze");
        assertThat(spec.maxBatch()).isEqualTo(75);
        assertThat(spec.rateLimit().requests()).isEqualTo(3000);
        assertThat(spec.rateLimit().per()).isEqualTo(Duration.ofSeconds(3));
        assertThat(spec.secrets()).extracting(SecretSpec::name).containsExactly("api_key");
        assertThat(spec.secrets()).allSatisfy(secret -> assertThat(secret.required()).isTrue());
        assertThat(spec.settings()).extracting(SettingSpec::name).containsExactly("rest_endpoint", "batch_size", "batch_counting",
                "request_timeout", "event_names", "attributes", "properties", "purchase_product_id", "update_existing_only");
    }

    @Test
    void configureReadsTheSettings() {
        BrazeConfig config = new BrazeMarketingPlatform().configure(Events.settings(java.util.Map.of(
                "rest_endpoint", "https://rest.fra-02.braze.eu", "batch_size", "50")));

        assertThat(config.batchSize()).isEqualTo(50);
        assertThat(config.usersTrackUrl()).hasToString("https://rest.fra-02.braze.eu/users/track");
    }
}

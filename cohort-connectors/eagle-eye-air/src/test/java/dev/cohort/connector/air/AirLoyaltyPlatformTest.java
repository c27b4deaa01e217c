package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import dev.cohort.spi.event.LoyaltyPlatform;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AirLoyaltyPlatformTest {
    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(LoyaltyPlatform.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(platform -> {
                    assertThat(platform).isInstanceOf(AirLoyaltyPlatform.class);
                    assertThat(platform.spec().name()).isEqualTo("eagle-eye-air");
                });
    }

    @Test
    void declaresItsCredentialAndSettings() {
        var spec = new AirLoyaltyPlatform().spec();

        assertThat(spec.credentialType()).isEqualTo("eagle-eye-air");
        assertThat(spec.secrets()).extracting(SecretSpec::name).containsExactly("client_id", "client_secret");
        assertThat(spec.secrets()).allMatch(SecretSpec::required);
        assertThat(spec.settings()).extracting(SettingSpec::name).containsExactly("base_url", "trigger_path", "request_timeout",
                "currency", "basket_value_decimals", "tier_names");
        assertThat(spec.rateLimit()).as("AIR publishes none").isNull();
        assertThat(spec.maxBatch()).isEqualTo(1);
    }

    /** Every type's extractor copes with an envelope that holds nothing but its headers. */
    @ParameterizedTest
    @EnumSource(AirEventType.class)
    void everyEventTypeBecomesItsKindEvenWhenItCarriesNothingElse(AirEventType type) {
        var event = Fixtures.event(minimal(type.eventName()));

        assertThat(event.kind()).isEqualTo(type.kind());
        assertThat(event.eventName()).isEqualTo(type.eventName());
        assertThat(event.identities()).isEmpty();
        assertThat(event.walletId()).isNull();
    }

    @Test
    void eventNamesAreMatchedIgnoringCase() {
        assertThat(Fixtures.event(minimal("posconnect.wallet.settle")).kind()).isEqualTo(Kind.PURCHASE_COMPLETED);
    }

    @Test
    void anUnknownEventIsNotAnError() {
        assertThat(Fixtures.event(minimal("LOYALTY.SOMETHING.NEW")).kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void aPingIsNoEvent() {
        assertThat(Fixtures.PLATFORM.readNotification(Fixtures.CONFIG, "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static byte[] minimal(String eventName) {
        return ("{\"headers\":{\"eventName\":\"" + eventName + "\",\"eventDate\":\"2025-03-01T09:00:00.000001\","
                + "\"eesEventId\":\"e-1\"}}").getBytes(StandardCharsets.UTF_8);
    }
}

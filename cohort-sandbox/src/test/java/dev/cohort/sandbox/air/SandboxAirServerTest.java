package dev.cohort.sandbox.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxAirServerTest {
    @Test
    void aClientIsRequired() {
        assertThatThrownBy(() -> SandboxAirServer.builder().build())
                .isInstanceOf(SandboxAirException.class).hasMessageContaining("client(clientId, clientSecret)");
    }

    @Test
    void actionsTiersAndIdentitiesAreChecked() {
        SandboxAirServer.Builder builder = SandboxAirServer.builder().client("c", "s").action("APP_DOWNLOAD", 10);

        assertThatThrownBy(() -> builder.action("APP_DOWNLOAD", 20)).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> builder.action("has space", 20)).hasMessageContaining("not valid");
        assertThatThrownBy(() -> builder.action("ZERO", 0)).hasMessageContaining("1 to 1,000,000,000 points");
        builder.tier("Bronze", 0);
        assertThatThrownBy(() -> builder.tier("Copper", 0)).hasMessageContaining("clashes with the tier Bronze");
        assertThatThrownBy(() -> AirIdentity.email(" ")).hasMessageContaining("EMAIL identity needs a value");
        assertThatThrownBy(() -> new AirIdentity("email", "a@example.com")).hasMessageContaining("upper case");
        assertThatThrownBy(() -> builder.connector(URI.create("http://127.0.0.1/out"), " ")).hasMessageContaining("external key");
    }

    @Test
    void twoWalletsCannotShareAnIdentityValue() {
        SandboxAirServer.Builder builder = SandboxAirServer.builder().client("c", "s")
                .wallet(AirIdentity.email("ada@example.com")).wallet(AirIdentity.customerId("ada@example.com"));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(SandboxAirException.class, e -> assertThat(e.errorCode()).isEqualTo(SandboxAirException.IDENTITY_IN_USE))
                .hasMessageNotContaining("ada@example.com");
    }

    @Test
    void chosenWalletIdsAreKeptAndTheNextFreeOnesFollow() {
        try (SandboxAirServer air = SandboxAirServer.builder().client("c", "s").wallet("500001", List.of(AirIdentity.customerId("A")))
                .wallet(AirIdentity.customerId("B")).start()) {
            assertThat(air.wallets()).extracting(AirWallet::walletId).containsExactly("500001", "500002");
            assertThat(air.createWallet(AirIdentity.customerId("C"))).isEqualTo("500003");
            assertThatThrownBy(() -> air.createWallet(AirIdentity.email("A")))
                    .isInstanceOfSatisfying(SandboxAirException.class, e -> assertThat(e.errorCode()).isEqualTo(SandboxAirException.IDENTITY_IN_USE));
        }
    }

    @Test
    void simulatedEventsCheckTheirArguments() {
        try (SandboxAirServer air = SandboxAirServer.builder().client("c", "s").wallet(AirIdentity.customerId("A")).start()) {
            assertThatThrownBy(() -> air.settlePurchase("999", BigDecimal.TEN, "GBP", 1))
                    .isInstanceOfSatisfying(SandboxAirException.class, e -> assertThat(e.errorCode()).isEqualTo(SandboxAirException.WALLET_NOT_FOUND));
            assertThatThrownBy(() -> air.settlePurchase("500001", BigDecimal.TEN, "POUNDS", 1)).hasMessageContaining("ISO 4217");
            assertThatThrownBy(() -> air.settlePurchase("500001", BigDecimal.ONE.negate(), "GBP", 1)).hasMessageContaining("negative");
            assertThatThrownBy(() -> air.redeemCoupon("500001", "")).hasMessageContaining("coupon name");
            assertThatThrownBy(() -> air.emitSettlements(1, List.of())).hasMessageContaining("at least one wallet id");
        }
    }

    @Test
    void aServerMustBeStartedToChangeWallets() {
        SandboxAirServer air = SandboxAirServer.builder().client("c", "s").build();

        assertThatThrownBy(() -> air.createWallet(AirIdentity.customerId("A"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start()");
        assertThatThrownBy(air::port).isInstanceOf(IllegalStateException.class);
    }
}

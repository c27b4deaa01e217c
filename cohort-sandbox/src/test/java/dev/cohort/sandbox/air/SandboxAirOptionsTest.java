package dev.cohort.sandbox.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxAirOptionsTest {
    private static final Map<String, String> SECRETS = Map.of(SandboxAirOptions.CLIENT_SECRET_VARIABLE, "cs-71f3",
            SandboxAirOptions.EXTERNAL_KEY_VARIABLE, "ek-0b2e");

    @Test
    void everyOptionIsRead() {
        SandboxAirOptions options = SandboxAirOptions.parse(List.of("--host", "0.0.0.0", "--port", "0", "--connector-url",
                "http://127.0.0.1:8080/out/eagle-eye-air/loyalty", "--client-id", "acme", "--unit-id", "77", "--senders", "16"), SECRETS);

        assertThat(options).isEqualTo(new SandboxAirOptions("0.0.0.0", 0, URI.create("http://127.0.0.1:8080/out/eagle-eye-air/loyalty"),
                "ek-0b2e", "acme", "cs-71f3", "77", 16));
    }

    @Test
    void theExternalKeyMayComeFromTheCommandLine() {
        SandboxAirOptions options = SandboxAirOptions.parse(List.of("--external-key", "given"), SECRETS);

        assertThat(options.externalKey()).isEqualTo("given");
    }

    @Test
    void defaultsAreTheDemoProgramsOnPort8087() {
        SandboxAirOptions options = SandboxAirOptions.parse(List.of(), Map.of());

        assertThat(options).isEqualTo(SandboxAirOptions.defaults());
        assertThat(options.port()).isEqualTo(8087);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.connectorUrl()).isNull();
        assertThat(options.clientId()).isEqualTo(AirDemoProgram.CLIENT_ID);
        assertThat(options.clientSecret()).isEqualTo(AirDemoProgram.CLIENT_SECRET);
        assertThat(options.externalKey()).isEqualTo(AirDemoProgram.EXTERNAL_KEY);
        assertThat(options.notificationSenders()).isEqualTo(4);
    }

    @Test
    void secretsAreNeverShown() {
        SandboxAirOptions options = SandboxAirOptions.parse(List.of(), SECRETS);

        assertThat(options.toString()).doesNotContain("cs-71f3", "ek-0b2e").contains("clientSecret=****", "externalKey=****");
    }

    @Test
    void badValuesSayWhatToGive() {
        assertThatThrownBy(() -> SandboxAirOptions.parse(List.of("--port", "x"), SECRETS))
                .isInstanceOfSatisfying(SandboxAirException.class, e -> assertThat(e.errorCode()).isEqualTo(SandboxAirException.INVALID_SETTING))
                .hasMessageContaining("--port").hasMessageContaining("0 for any free port");
        assertThatThrownBy(() -> SandboxAirOptions.parse(List.of("--connector-url", "/out/x"), SECRETS)).hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> SandboxAirOptions.parse(List.of("--senders", "0"), SECRETS)).hasMessageContaining("--senders");
        assertThatThrownBy(() -> SandboxAirOptions.parse(List.of("--client-id"), SECRETS)).hasMessage("The option --client-id needs a value.");
        assertThatThrownBy(() -> SandboxAirOptions.parse(List.of("--secret", "x"), SECRETS)).hasMessage("Unknown option `--secret`.");
    }

    @Test
    void theServerStartsFromOptionsWithTheDemoProgram() {
        try (SandboxAirServer server = SandboxAirServer.start(new SandboxAirOptions(null, 0, URI.create("http://127.0.0.1:9/out"), null,
                null, "cs-71f3", null, 0))) {
            assertThat(server.port()).isPositive();
            assertThat(server.wallets()).extracting(AirWallet::walletId).containsExactly("500001", "500002", "500003", "500004", "500005");
            assertThat(server.walletIdOf("C0000003")).hasValue("500003");
            assertThat(server.walletIdOf("member2@example.com")).hasValue("500002");
            assertThat(server.actionReferences()).containsExactly("APP_DOWNLOAD", "LATE_DELIVERY", "BIRTHDAY", "PRODUCT_REVIEW");
            assertThat(server.wallet("500001").orElseThrow().tier()).isEqualTo("Bronze");
            assertThat(server.describe()).contains(server.triggerUrl().toString(), "APP_DOWNLOAD (10000 points)", "Silver 5000",
                    "http://127.0.0.1:9/out").doesNotContain("cs-71f3", AirDemoProgram.EXTERNAL_KEY);
        }
    }
}

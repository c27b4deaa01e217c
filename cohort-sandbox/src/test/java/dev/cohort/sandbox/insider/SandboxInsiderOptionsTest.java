package dev.cohort.sandbox.insider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxInsiderOptionsTest {
    private static final Map<String, String> WITH_TOKEN = Map.of(SandboxInsiderOptions.TOKEN_VARIABLE, "tok-s3cret");

    @Test
    void everyOptionIsRead() {
        SandboxInsiderOptions options = SandboxInsiderOptions.parse(List.of("--host", "0.0.0.0", "--port", "0", "--partner", "mybrand",
                "--rate-limit", "5", "--callback-delay", "0.25"), WITH_TOKEN);

        assertThat(options).isEqualTo(new SandboxInsiderOptions("0.0.0.0", 0, "mybrand", "tok-s3cret", 5, Duration.ofMillis(250)));
    }

    @Test
    void defaultsServePartnerSandboxOnPort8086() {
        SandboxInsiderOptions options = SandboxInsiderOptions.parse(List.of(), WITH_TOKEN);

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8086);
        assertThat(options.partner()).isEqualTo("sandbox");
        assertThat(options.rateLimitPerSecond()).isEqualTo(100);
        assertThat(options.callbackDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.toAccount().acceptsToken("tok-s3cret")).isTrue();
    }

    @Test
    void theTokenComesOnlyFromTheEnvironmentAndIsNeverShown() {
        assertThatThrownBy(() -> SandboxInsiderOptions.parse(List.of(), Map.of()))
                .isInstanceOf(SandboxInsiderException.class)
                .hasMessageContaining("COHORT_SANDBOX_INSIDER_TOKEN");
        assertThatThrownBy(() -> SandboxInsiderOptions.parse(List.of("--token", "x"), WITH_TOKEN))
                .hasMessage("Unknown option `--token`.");
        SandboxInsiderOptions options = SandboxInsiderOptions.parse(List.of(), WITH_TOKEN);
        assertThat(options.toString()).doesNotContain("tok-s3cret").contains("token=****");
        assertThat(options.toAccount().toString()).doesNotContain("tok-s3cret");
    }

    @Test
    void aPartnerNameThatIsNotLowerCaseIsRefused() {
        assertThatThrownBy(() -> SandboxInsiderOptions.parse(List.of("--partner", "MyBrand"), WITH_TOKEN))
                .isInstanceOfSatisfying(SandboxInsiderException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SandboxInsiderException.INVALID_SETTING))
                .hasMessageContaining("lower-case");
    }

    @Test
    void badNumbersSayWhatToGive() {
        assertThatThrownBy(() -> SandboxInsiderOptions.parse(List.of("--port", "http"), WITH_TOKEN))
                .hasMessageContaining("--port").hasMessageContaining("0 for any free port");
        assertThatThrownBy(() -> SandboxInsiderOptions.parse(List.of("--callback-delay", "-1"), WITH_TOKEN))
                .hasMessageContaining("--callback-delay");
        assertThatThrownBy(() -> SandboxInsiderOptions.parse(List.of("--rate-limit"), WITH_TOKEN))
                .hasMessage("The option --rate-limit needs a value.");
    }

    @Test
    void theServerStartsFromOptionsOnAnyFreePort() {
        try (SandboxInsiderServer server = SandboxInsiderServer.start(
                new SandboxInsiderOptions(null, 0, "mybrand", "tok-s3cret", 100, Duration.ZERO))) {
            assertThat(server.port()).isPositive();
            assertThat(server.partnerNames()).containsExactly("mybrand");
            assertThat(server.describe()).contains(server.uploadUrl().toString(), "mybrand", "fixed 1-second window")
                    .doesNotContain("tok-s3cret");
        }
    }
}

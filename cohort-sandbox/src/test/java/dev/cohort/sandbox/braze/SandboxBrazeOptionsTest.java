package dev.cohort.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxBrazeOptionsTest {
    @Test
    void everyOptionIsRead() {
        SandboxBrazeOptions options = SandboxBrazeOptions.parse(List.of("--host", "0.0.0.0", "--port", "0", "--api-key", "k-1",
                "--rate-limit", "10", "--rate-window", "0.5", "--max-per-array", "50", "--max-per-request", "50"), Map.of());

        assertThat(options).isEqualTo(new SandboxBrazeOptions("0.0.0.0", 0, "k-1", 10, Duration.ofMillis(500), 50, 50));
    }

    @Test
    void defaultsAreBrazesLimitsOnPort8088() {
        SandboxBrazeOptions options = SandboxBrazeOptions.parse(List.of(), Map.of());

        assertThat(options).isEqualTo(SandboxBrazeOptions.defaults());
        assertThat(options.port()).isEqualTo(8088);
        assertThat(options.apiKey()).isEqualTo(SandboxBrazeOptions.DEMO_API_KEY);
        assertThat(options.rateLimitRequests()).isEqualTo(3_000);
        assertThat(options.rateLimitWindow()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.maxObjectsPerArray()).isEqualTo(75);
        assertThat(options.maxObjectsPerRequest()).isZero();
    }

    @Test
    void theKeyComesFromTheEnvironmentAndIsNeverShown() {
        SandboxBrazeOptions options = SandboxBrazeOptions.parse(List.of(), Map.of(SandboxBrazeOptions.API_KEY_VARIABLE, "env-key-93"));

        assertThat(options.apiKey()).isEqualTo("env-key-93");
        assertThat(options.toString()).doesNotContain("env-key-93").contains("apiKey=****");
    }

    @Test
    void badValuesSayWhatToGive() {
        assertThatThrownBy(() -> SandboxBrazeOptions.parse(List.of("--rate-limit", "0"), Map.of()))
                .isInstanceOfSatisfying(SandboxBrazeException.class, e -> assertThat(e.errorCode()).isEqualTo(SandboxBrazeException.INVALID_SETTING))
                .hasMessageContaining("--rate-limit");
        assertThatThrownBy(() -> SandboxBrazeOptions.parse(List.of("--rate-window", "-1"), Map.of())).hasMessageContaining("--rate-window");
        assertThatThrownBy(() -> SandboxBrazeOptions.parse(List.of("--api-key", "a b"), Map.of())).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> SandboxBrazeOptions.parse(List.of("--port", "70000"), Map.of())).hasMessageContaining("out of range");
        assertThatThrownBy(() -> SandboxBrazeOptions.parse(List.of("--key", "x"), Map.of())).hasMessage("Unknown option `--key`.");
    }

    @Test
    void theServerStartsFromOptions() {
        try (SandboxBrazeServer server = SandboxBrazeServer.start(new SandboxBrazeOptions(null, 0, "k-secret-1", 0, null, 0, 50))) {
            assertThat(server.port()).isPositive();
            assertThat(server.describe()).contains(server.trackUrl().toString(), "75 attributes", "50 in all", "3000 requests per 3.0 s")
                    .doesNotContain("k-secret-1");
        }
    }
}

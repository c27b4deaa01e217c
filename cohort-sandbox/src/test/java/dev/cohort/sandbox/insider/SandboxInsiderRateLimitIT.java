package dev.cohort.sandbox.insider;

import static dev.cohort.sandbox.insider.FpsClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxInsiderRateLimitIT {
    private static final String TOKEN_A = "tok-a-51f0";
    private static final String TOKEN_B = "tok-b-93c2";

    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T09:30:00.250Z"));
    private SandboxInsiderServer insider;
    private FpsClient client;

    @BeforeEach
    void start() {
        insider = SandboxInsiderServer.builder().account("brand-a", TOKEN_A).account("brand-b", TOKEN_B)
                .rateLimitPerSecond(3).clock(clock).callbackDelay(Duration.ZERO).start();
        client = new FpsClient(insider);
    }

    @AfterEach
    void stop() {
        insider.close();
    }

    @Test
    void requestsBeyondTheLimitInOneSecondAnswer429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(client.download("brand-a", TOKEN_A, "vip").statusCode()).isEqualTo(404);
        }

        HttpResponse<String> download = client.download("brand-a", TOKEN_A, "vip");
        HttpResponse<String> upload = client.upload("brand-a", TOKEN_A, body("vip", "email",
                URI.create("http://127.0.0.1:9/a.csv"), URI.create("http://127.0.0.1:9/cb")));

        assertThat(download.statusCode()).isEqualTo(429);
        assertThat(download.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(download.body()).isEqualTo("{\"error\":\"Too Many Requests.\"}");
        assertThat(upload.statusCode()).isEqualTo(429);
        assertThat(insider.requestCounts("brand-a")).isEqualTo(new InsiderRequestCounts(3, 2));
    }

    @Test
    void theNextSecondOpensANewWindow() {
        for (int i = 0; i < 4; i++) {
            client.download("brand-a", TOKEN_A, "vip");
        }

        clock.advance(Duration.ofMillis(750));

        assertThat(client.download("brand-a", TOKEN_A, "vip").statusCode()).isEqualTo(404);
        assertThat(insider.requestCounts("brand-a")).isEqualTo(new InsiderRequestCounts(4, 1));
    }

    @Test
    void eachAccountHasItsOwnLimit() {
        for (int i = 0; i < 5; i++) {
            client.download("brand-a", TOKEN_A, "vip");
        }

        for (int i = 0; i < 3; i++) {
            assertThat(client.download("brand-b", TOKEN_B, "vip").statusCode()).isEqualTo(404);
        }
        assertThat(insider.requestCounts("brand-a")).isEqualTo(new InsiderRequestCounts(3, 2));
        assertThat(insider.requestCounts("brand-b")).isEqualTo(new InsiderRequestCounts(3, 0));
    }

    @Test
    void requestsWithBadCredentialsDoNotCount() {
        client.download("brand-a", "tok-wrong", "vip");

        assertThat(insider.requestCounts("brand-a")).isEqualTo(new InsiderRequestCounts(0, 0));
    }
}

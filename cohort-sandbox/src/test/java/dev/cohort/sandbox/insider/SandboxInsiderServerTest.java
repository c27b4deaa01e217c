package dev.cohort.sandbox.insider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxInsiderServerTest {
    @Test
    void aServerNeedsAnAccount() {
        assertThatThrownBy(() -> SandboxInsiderServer.builder().build())
                .isInstanceOf(SandboxInsiderException.class).hasMessageContaining("at least one account");
    }

    @Test
    void accountsAreLowerCaseWithATokenThatIsNeverShown() {
        assertThatThrownBy(() -> new InsiderAccount("MyBrand", "t")).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new InsiderAccount("mybrand", " ")).hasMessageContaining("needs an API token");
        assertThat(new InsiderAccount("mybrand", "tok-1").toString()).doesNotContain("tok-1");
        assertThatThrownBy(() -> SandboxInsiderServer.builder().account("mybrand", "a").account("mybrand", "b"))
                .hasMessageContaining("declared twice");
    }

    @Test
    void fieldNamesMustBeGivenAndDistinct() {
        assertThatThrownBy(() -> InsiderUploadFields.DEFAULTS.withCsvUrl("segment_name"))
                .hasMessageContaining("`segment_name` is used twice");
        assertThatThrownBy(() -> InsiderCallbackFields.DEFAULTS.withReason(" ")).hasMessageContaining("needs a name");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> SandboxInsiderServer.builder().rateLimitPerSecond(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SandboxInsiderServer.builder().callbackDelay(Duration.ofSeconds(-1))).hasMessageContaining("between 0 and 2 hours");
        assertThatThrownBy(() -> SandboxInsiderServer.builder().port(70_000)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> SandboxInsiderServer.builder().callbackAttempts(0)).hasMessageContaining("1 to 20");
    }

    @Test
    void aServerIsStartedOnceAndNamesItsPortAndUrls() {
        SandboxInsiderServer server = SandboxInsiderServer.builder().account("mybrand", "tok-1").build();
        assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("start() it first");

        try (server) {
            server.start();
            assertThat(server.isRunning()).isTrue();
            assertThat(server.url().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.uploadUrl().getPath()).isEqualTo("/fps/v1/upload");
            assertThat(server.downloadUrl("vip list+1").getRawPath()).isEqualTo("/fps/v1/segments/vip%20list%2B1/download");
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        }
        assertThat(server.isRunning()).isFalse();
        assertThatThrownBy(server::start).hasMessageContaining("closed");
    }

    @Test
    void theRateLimitCountsPerClockSecond() {
        FixedWindowRateLimit limit = new FixedWindowRateLimit(2);
        Instant start = Instant.parse("2030-01-01T00:00:00.900Z");

        assertThat(limit.tryAdmit(start)).isEmpty();
        assertThat(limit.tryAdmit(start)).isEmpty();
        assertThat(limit.tryAdmit(start)).hasValue(Duration.ofMillis(100));
        assertThat(limit.tryAdmit(start.plusMillis(100))).isEmpty();
        assertThat(limit.counts()).isEqualTo(new InsiderRequestCounts(3, 1));
    }

    @Test
    void seededSegmentsAreStoredOnceEachAndNeverPrinted() {
        try (SandboxInsiderServer server = SandboxInsiderServer.builder().account("mybrand", "tok-1").build()) {
            InsiderSegment segment = server.seedSegment("mybrand", "vip", InsiderAttribute.EMAIL,
                    List.of("ada@example.com", "bob@example.org", "ada@example.com"));

            assertThat(segment.values()).containsExactly("ada@example.com", "bob@example.org");
            assertThat(segment.csv()).isEqualTo("ada@example.com\nbob@example.org\n");
            assertThat(segment.toString()).contains("2 values").doesNotContain("ada@example.com");
            assertThat(server.segment("mybrand", "vip")).contains(segment);
            assertThatThrownBy(() -> server.segments("other")).hasMessageContaining("no Insider account `other`");
        }
    }
}

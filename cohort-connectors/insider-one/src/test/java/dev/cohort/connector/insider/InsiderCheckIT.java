package dev.cohort.connector.insider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connection check: reachable or not, and why, without uploading anything. */
class InsiderCheckIT {
    private static final CheckContext QUICK = new CheckContext(Duration.ofSeconds(5));

    @RegisterExtension
    final InsiderTestBed bed = new InsiderTestBed();

    private CheckResult check(String baseUrl) {
        return bed.type().check(bed.configure(Map.of("base_url", baseUrl)), QUICK);
    }

    @Test
    void aReachableBaseUrlPassesAndSaysTheTokenIsVerifiedByTheFirstUpload() {
        CheckResult result = check(bed.insider().url().toString());
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.steps()).extracting(Step::name)
                .containsExactly("resolve 127.0.0.1", "reach " + bed.insider().url(), "partner name and API token");
        assertThat(result.steps().get(1).message()).isEqualTo("answered HTTP 404 over plain HTTP (any answer shows it is reachable)");
        assertThat(result.steps().get(2).message()).contains("the first upload does");
        assertThat(bed.insider().segments(InsiderTestBed.PARTNER)).as("nothing was uploaded").isEmpty();
        assertThat(result.toString()).doesNotContain(InsiderTestBed.TOKEN);
    }

    @Test
    void aRefusedConnectionIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CheckResult result = check("http://127.0.0.1:" + closedPort);
        assertThat(result.ok()).isFalse();
        assertThat(result.summary()).isEqualTo("reach http://127.0.0.1:" + closedPort + ": the connection to 127.0.0.1:" + closedPort
                + " was refused: nothing listens there; check base_url's host and port");
    }

    @Test
    void aTlsFailureIsNamed() {
        try (PlainTextServer notTls = new PlainTextServer()) {
            CheckResult result = check("https://127.0.0.1:" + notTls.port());
            assertThat(result.ok()).isFalse();
            assertThat(result.summary()).contains("the TLS handshake with 127.0.0.1:" + notTls.port() + " failed");
        }
    }
}

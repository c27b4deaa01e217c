package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.event.Trigger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known vectors, computed outside Java ({@code printf '%s' '<path><body><secret>' | sha256sum}). */
class AirSignatureTest {
    private static final String BODY = "{\"identityValue\":\"1111222233334444\",\"walletTransaction\":{\"reference\":\"late-delivery-0001\"},"
            + "\"triggers\":[{\"reference\":\"LATE_DELIVERY\"}]}";

    @Test
    void signsPathBodyAndSecret() {
        assertThat(AirSignature.hash("/services/trigger", BODY.getBytes(StandardCharsets.UTF_8), "s3cr3t-ab12"))
                .isEqualTo("60d565c3a8164fad3784086e0716a7e1e80ae93971823e5c84e0351f14dc88fc");
    }

    @Test
    void signsTheQueryWithItsQuestionMarkAndAnEmptyBody() {
        URI url = URI.create("https://wallet.sandbox.uk.eagleeye.com/wallet/216245437/accounts?status=ACTIVE");

        assertThat(AirSignature.pathAndQuery(url)).isEqualTo("/wallet/216245437/accounts?status=ACTIVE");
        assertThat(AirSignature.hash(AirSignature.pathAndQuery(url), new byte[0], "s3cr3t-ab12"))
                .isEqualTo("ef707f424bda6234e89ae85b9bc1bbbff0dfe237f81cf927e9edca7110da7b60");
    }

    @Test
    void thePathIncludesThePrefixOfTheBaseUrl() {
        assertThat(AirSignature.pathAndQuery(URI.create("https://gateway.example/air/services/trigger"))).isEqualTo("/air/services/trigger");
        assertThat(AirSignature.pathAndQuery(URI.create("https://gateway.example"))).isEqualTo("/");
    }

    @Test
    void theTriggerBodyIsWhatWasSigned() {
        byte[] body = TriggerCall.body(new Trigger("1111222233334444", "late-delivery-0001", List.of("LATE_DELIVERY")));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(BODY);
    }
}

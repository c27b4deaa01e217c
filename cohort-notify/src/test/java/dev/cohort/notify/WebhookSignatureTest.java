package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final String SECRET = "whsec_example_secret_123";
    static final long TIMESTAMP = 1767225600L;
    static final String BODY = "{\"event\":\"run.failed\"}";
    /** {@code printf '1767225600.{"event":"run.failed"}' | openssl dgst -sha256 -hmac whsec_example_secret_123} */
    static final String SIGNATURE = "v1=4b60c0c1ca1bf3e42bd05283745f8a31a1edddaccf81a5ae466d9225dcc4b14b";
    static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP + 30);
    static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    @Test
    void signsTimestampDotBodyWithHmacSha256AsOpensslDoes() {
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesAGenuineRequest() {
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, SIGNATURE, NOW, TOLERANCE)).isTrue();
    }

    @Test
    void refusesATamperedBody() {
        String tampered = BODY.replace("failed", "completed");
        assertThat(WebhookSignature.verify(SECRET, "1767225600", tampered, SIGNATURE, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void refusesAnotherTimestampWithTheSameSignature() {
        assertThat(WebhookSignature.verify(SECRET, "1767225601", BODY, SIGNATURE, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void refusesAStaleOrFutureTimestampEvenWhenSignedCorrectly() {
        Instant sixMinutesLater = Instant.ofEpochSecond(TIMESTAMP).plus(Duration.ofMinutes(6));
        Instant sixMinutesEarlier = Instant.ofEpochSecond(TIMESTAMP).minus(Duration.ofMinutes(6));

        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, SIGNATURE, sixMinutesLater, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, SIGNATURE, sixMinutesEarlier, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, SIGNATURE, sixMinutesLater, Duration.ofMinutes(10))).isTrue();
    }

    @Test
    void refusesTheWrongSecret() {
        assertThat(WebhookSignature.verify("another_secret_456789", "1767225600", BODY, SIGNATURE, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        assertThat(WebhookSignature.verify(SECRET, null, BODY, SIGNATURE, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, null, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "yesterday", BODY, SIGNATURE, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "-1767225600", BODY, SIGNATURE, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, SIGNATURE.substring(3), NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, "v0=" + SIGNATURE.substring(3), NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, "", NOW, TOLERANCE)).isFalse();
    }

    @Test
    void acceptsOneMatchAmongSeveralSignaturesAndUpperCaseHex() {
        String several = "v1=" + "0".repeat(64) + ", " + SIGNATURE;
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, several, NOW, TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "1767225600", BODY, "v1=" + SIGNATURE.substring(3).toUpperCase(),
                NOW, TOLERANCE)).isTrue();
    }

    @Test
    void theExampleInTheDocumentationVerifies() {
        String body = NotificationJson.write(Notifications.failed());
        String signature = "v1=be1a5d5ed6be36a13bb7fc933953da2127dfdc8b8e4f4bcba78ad8b580074418"; // docs/notifications.md

        assertThat(WebhookSignature.sign(SECRET, 1772357403L, body)).isEqualTo(signature);
        assertThat(WebhookSignature.verify(SECRET, "1772357403", body, signature, Instant.ofEpochSecond(1772357410L),
                TOLERANCE)).isTrue();
    }
}

package dev.cohort.sandbox.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AirSignatureTest {
    @Test
    void theHashIsTheHexSha256OfPathBodyAndSecret() {
        // python3: hashlib.sha256(b'/2.0/services/trigger{"a":1}s3cret').hexdigest()
        assertThat(AirSignature.hash("/2.0/services/trigger", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "s3cret"))
                .isEqualTo("3c8fb91ae565b44d22622bbc120a72191d6a05e8852177c44086234d74267293");
    }

    @Test
    void theQueryIsHashedWithItsQuestionMark() {
        // python3: hashlib.sha256(b'/sandbox/wallets?page=2s3cret').hexdigest()
        assertThat(AirSignature.hash("/sandbox/wallets?page=2", new byte[0], "s3cret"))
                .isEqualTo("91bea4b16e9046f6a94ae52844bceb207e69cb8704ffaa2f4665abcb7391f5bb");
    }

    @Test
    void aHashMatchesInEitherCaseButNotForAnotherBody() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String hash = AirSignature.hash("/2.0/services/trigger", body, "s3cret");

        assertThat(AirSignature.matches(hash.toUpperCase(java.util.Locale.ROOT), "/2.0/services/trigger", body, "s3cret")).isTrue();
        assertThat(AirSignature.matches(hash, "/2.0/services/trigger", "{ }".getBytes(StandardCharsets.UTF_8), "s3cret")).isFalse();
        assertThat(AirSignature.matches(hash, "/2.0/services/trigger", body, "other")).isFalse();
        assertThat(AirSignature.matches(null, "/2.0/services/trigger", body, "s3cret")).isFalse();
    }
}

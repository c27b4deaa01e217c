package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");

    private static HttpHeaders headers(String... nameValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @Test
    void brazesHeadersAreRead() {
        RateLimitHeaders limits = RateLimitHeaders.of(headers("X-RateLimit-Limit", "3000", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3)), NOW);

        assertThat(limits.limit()).isEqualTo(3000);
        assertThat(limits.remaining()).isZero();
        assertThat(limits.reset()).isEqualTo(NOW.plusSeconds(3));
        assertThat(limits.retryAfter()).isNull();
        assertThat(limits.waitFrom(NOW)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aResetMayHaveFractionsOrBeSecondsFromNow() {
        assertThat(RateLimitHeaders.reset(NOW.getEpochSecond() + ".25", NOW)).isEqualTo(NOW.plusMillis(250));
        assertThat(RateLimitHeaders.reset("2.5", NOW)).isEqualTo(NOW.plusMillis(2500));
        assertThat(RateLimitHeaders.reset("soon", NOW)).isNull();
        assertThat(RateLimitHeaders.reset("-3", NOW)).isNull();
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDateAndComesFirst() {
        RateLimitHeaders seconds = RateLimitHeaders.of(headers("Retry-After", "7", "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3)), NOW);
        assertThat(seconds.waitFrom(NOW)).isEqualTo(Duration.ofSeconds(7));

        RateLimitHeaders date = RateLimitHeaders.of(headers("Retry-After", httpDate(NOW.plusSeconds(12))), NOW);
        assertThat(date.retryAfter()).isEqualTo(Duration.ofSeconds(12));

        RateLimitHeaders brazes = RateLimitHeaders.of(headers("X-RateLimit-Retry-After", "4"), NOW);
        assertThat(brazes.retryAfter()).isEqualTo(Duration.ofSeconds(4));

        assertThat(RateLimitHeaders.of(headers("Retry-After", httpDate(NOW.minusSeconds(5))), NOW).retryAfter()).isEqualTo(Duration.ZERO);
        assertThat(RateLimitHeaders.of(headers(), NOW).waitFrom(NOW)).isNull();
    }

    @Test
    void aResetOnASkewedClockIsMovedOntoOurs() {
        Instant brazeNow = NOW.minusSeconds(30); // Braze's clock is 30 s behind ours
        RateLimitHeaders limits = RateLimitHeaders.of(headers("Date", httpDate(brazeNow), "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(brazeNow.getEpochSecond() + 3)), NOW);

        assertThat(limits.reset()).isEqualTo(NOW.plusSeconds(3));

        RateLimitHeaders close = RateLimitHeaders.of(headers("Date", httpDate(NOW.minusSeconds(1)),
                "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3)), NOW);
        assertThat(close.reset()).as("a second apart is not skew").isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void unreadableHeadersAreNull() {
        RateLimitHeaders limits = RateLimitHeaders.of(headers("X-RateLimit-Limit", "lots", "X-RateLimit-Remaining", "-1",
                "Retry-After", "tomorrow"), NOW);

        assertThat(limits.limit()).isNull();
        assertThat(limits.remaining()).isNull();
        assertThat(limits.retryAfter()).isNull();
    }
}

package dev.cohort.connector.braze;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What one Braze answer says about the API key's rate limit: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} (the UTC epoch second the window resets; fractions, and a small number meaning seconds from
 * now, are accepted), and the wait {@code Retry-After} or {@code X-RateLimit-Retry-After} asks for (seconds, or an
 * HTTP date). Each part is null when absent or unreadable.
 */
record RateLimitHeaders(Long limit, Long remaining, Instant reset, Duration retryAfter) {
    /** Below this, {@code X-RateLimit-Reset} is read as seconds from now rather than an epoch second (2001-09-09). */
    private static final long EPOCH_SECONDS_FLOOR = 1_000_000_000L;
    /** A clock difference with Braze's {@code Date} header beyond which the reset is moved onto this machine's clock. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(2);

    /**
     * Reads an answer's headers. When the answer's {@code Date} differs from {@code now} by more than
     * {@link #MAX_CLOCK_SKEW}, the reset is shifted by the difference, so a machine whose clock is off neither waits
     * too long nor goes too early.
     */
    static RateLimitHeaders of(HttpHeaders headers, Instant now) {
        Long limit = number(headers.firstValue("X-RateLimit-Limit").orElse(null));
        Long remaining = number(headers.firstValue("X-RateLimit-Remaining").orElse(null));
        String resetText = headers.firstValue("X-RateLimit-Reset").orElse(null);
        Instant reset = reset(resetText, now);
        Instant serverNow = date(headers.firstValue("Date").orElse(null));
        if (reset != null && serverNow != null && relative(resetText) == null) { // an epoch second, on Braze's clock
            Duration skew = Duration.between(serverNow, now);
            if (skew.abs().compareTo(MAX_CLOCK_SKEW) > 0) {
                reset = reset.plus(skew);
            }
        }
        Duration retryAfter = wait(headers.firstValue("Retry-After").orElse(null), now)
                .or(() -> wait(headers.firstValue("X-RateLimit-Retry-After").orElse(null), now)).orElse(null);
        return new RateLimitHeaders(limit, remaining, reset, retryAfter);
    }

    /** How long until a rate-limited request may go again: Braze's wait, else until the window resets; null when neither says. */
    Duration waitFrom(Instant now) {
        if (retryAfter != null) {
            return retryAfter;
        }
        if (reset != null) {
            Duration until = Duration.between(now, reset);
            return until.isNegative() ? Duration.ZERO : until;
        }
        return null;
    }

    private static Long number(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }

    static Instant reset(String text, Instant now) {
        if (text == null || !text.strip().matches("\\d{1,12}(\\.\\d{1,9})?")) {
            return null;
        }
        Duration relative = relative(text);
        if (relative != null) {
            return now.plus(relative);
        }
        BigDecimal seconds = new BigDecimal(text.strip());
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    /** A reset written as seconds from now (a number below an epoch second), or null. */
    private static Duration relative(String text) {
        BigDecimal seconds = new BigDecimal(text.strip());
        if (seconds.compareTo(BigDecimal.valueOf(EPOCH_SECONDS_FLOOR)) >= 0) {
            return null;
        }
        return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    private static Instant date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An HTTP {@code Retry-After}: a number of seconds, or an HTTP date (RFC 9110, 10.2.3); never negative. */
    static Optional<Duration> wait(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.matches("\\d{1,12}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

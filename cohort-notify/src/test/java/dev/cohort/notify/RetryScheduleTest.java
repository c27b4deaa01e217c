package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    final Random random = new Random(7);
    final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void waitsDoubleWithJitterBetweenHalfAndAllOfTheStep() {
        for (int i = 0; i < 200; i++) {
            assertThat(wait(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(wait(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(wait(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    @Test
    void waitsNeverExceedTheMaximum() {
        assertThat(wait(30)).isBetween(Duration.ofMinutes(2).plusSeconds(30), Duration.ofMinutes(5));
        assertThat(wait(1000)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theReceiversWaitIsHonouredButNotBeyondTheMaximum() {
        assertThat(schedule.waitAfter(1, Optional.of(Duration.ofSeconds(30)), random)).contains(Duration.ofSeconds(30));
        assertThat(schedule.waitAfter(1, Optional.of(Duration.ZERO), random).orElseThrow()).isPositive();
        assertThat(schedule.waitAfter(1, Optional.of(Duration.ofMinutes(6)), random)).isEmpty();
    }

    @Test
    void aScheduleNeedsAnAttemptAndOrderedDelays() {
        assertThatThrownBy(() -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("at least 1 attempt");
        assertThatThrownBy(() -> new RetrySchedule(3, Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .hasMessageContaining("baseDelay <= maxDelay");
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-03-01T09:30:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:31:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    private Duration wait(int failedAttempts) {
        return schedule.waitAfter(failedAttempts, Optional.empty(), random).orElseThrow();
    }
}

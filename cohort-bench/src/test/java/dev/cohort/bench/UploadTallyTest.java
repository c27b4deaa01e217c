package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadTallyTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 5 * SECOND;

    /** Requests sent at the given milliseconds after the start, answered with the given statuses; the last answer at {@code endMillis}. */
    private static UploadSender.Tally tally(Instant start, long endMillis, long[] sentMillis, int[] answers) {
        long[] sent = new long[sentMillis.length];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = START + sentMillis[i] * 1_000_000L;
        }
        return new UploadSender.Tally(sent.length, 4, START, start, START + endMillis * 1_000_000L, sent, answers,
                Map.of(202, 3L, 429, 1L, 500, 2L), Map.of("HttpTimeoutException", 1L));
    }

    @Test
    void leavesOutTheFirstSecondWhenAskedTo() {
        UploadSender.Tally tally = tally(Instant.parse("2030-01-01T00:00:00Z"), 3_000,
                new long[] {0, 100, 900, 1_000, 1_500, 2_000, 2_999}, new int[7]);

        assertThat(tally.perSecond()).isEqualTo(7 / 3.0);
        assertThat(tally.perSecondAfterFirstSecond()).isEqualTo(4 / 2.0);
    }

    @Test
    void hasNoRateAfterTheFirstSecondForAShortBatch() {
        UploadSender.Tally tally = tally(Instant.parse("2030-01-01T00:00:00Z"), 1_500, new long[] {0, 1_200}, new int[2]);

        assertThat(tally.perSecondAfterFirstSecond()).isNaN();
    }

    @Test
    void countsRequestsInTheClockSecondsOfTheWallClock() {
        // the batch starts 0.6 s into a clock second: at +0, +300 ms it is that second, +400 … +1,300 ms the next
        UploadSender.Tally tally = tally(Instant.parse("2030-01-01T00:00:00.600Z"), 2_000,
                new long[] {0, 300, 400, 500, 900, 1_300, 1_400}, new int[7]);

        assertThat(tally.busiestClockSecond()).isEqualTo(4);
    }

    @Test
    void findsTheMostRequestsSentInAnyWindow() {
        UploadSender.Tally tally = tally(Instant.parse("2030-01-01T00:00:00Z"), 2_000,
                new long[] {0, 10, 250, 260, 270, 349, 350, 900}, new int[8]);

        assertThat(tally.mostSentWithin(Duration.ofMillis(100))).isEqualTo(4);
        assertThat(tally.mostSentWithin(Duration.ofSeconds(1))).isEqualTo(8);
    }

    @Test
    void tellsInWhichSecondsTheRefusedRequestsWereSent() {
        UploadSender.Tally tally = tally(Instant.parse("2030-01-01T00:00:00Z"), 4_000,
                new long[] {0, 1_100, 1_200, 3_500}, new int[] {202, 429, 429, 429});

        assertThat(tally.secondsOf(429, 10)).isEqualTo("second 2: 2, second 4: 1");
        assertThat(tally.secondsOf(429, 1)).isEqualTo("second 2: 2, and in 1 more seconds");
        assertThat(tally.secondsOf(400, 10)).isEqualTo("none");
    }

    @Test
    void listsTheAnswersOtherThanAcceptedAndRefused() {
        UploadSender.Tally tally = tally(Instant.parse("2030-01-01T00:00:00Z"), 1_000, new long[] {0}, new int[1]);

        assertThat(tally.answered(202)).isEqualTo(3);
        assertThat(tally.answered(404)).isZero();
        assertThat(tally.others()).isEqualTo("500 × 2, HttpTimeoutException × 1");
    }
}

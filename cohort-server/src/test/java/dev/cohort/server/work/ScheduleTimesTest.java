package dev.cohort.server.work;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.runtime.workspace.Schedules;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Schedules read in their time zone across daylight-saving changes, as the scheduler uses them. */
class ScheduleTimesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static ZonedDateTime next(String cron, String after) {
        return Schedules.nextAfter(cron, PARIS, ZonedDateTime.parse(after).toInstant()).orElseThrow().atZone(PARIS);
    }

    @Test
    void sixInTheMorningStaysSixInTheMorningAcrossTheChange() {
        assertThat(next("0 6 * * *", "2026-03-28T07:00+01:00[Europe/Paris]").toString())
                .isEqualTo("2026-03-29T06:00+02:00[Europe/Paris]");
        assertThat(next("0 6 * * *", "2026-10-24T07:00+02:00[Europe/Paris]").toString())
                .isEqualTo("2026-10-25T06:00+01:00[Europe/Paris]");
    }

    @Test
    void aTimeInTheSkippedHourFiresWhenTheClocksJumpInsteadOfBeingSkipped() {
        assertThat(next("30 2 * * *", "2026-03-29T00:00+01:00[Europe/Paris]").toString())
                .isEqualTo("2026-03-29T03:00+02:00[Europe/Paris]");
        assertThat(next("30 2 * * *", "2026-03-29T03:00+02:00[Europe/Paris]").toString())
                .as("and on the next day as usual").isEqualTo("2026-03-30T02:30+02:00[Europe/Paris]");
    }

    @Test
    void aTimeInTheRepeatedHourFiresOnce() {
        ZonedDateTime first = next("30 2 * * *", "2026-10-25T00:00+02:00[Europe/Paris]");
        ZonedDateTime second = next("30 2 * * *", first.toString());
        assertThat(first.toLocalDate().toString()).isEqualTo("2026-10-25");
        assertThat(second.toLocalDate().toString()).isEqualTo("2026-10-26");
    }

    @Test
    void everyFifteenMinutesKeepsItsPaceInUtcTerms() {
        Instant a = Schedules.nextAfter("*/15 * * * *", PARIS, Instant.parse("2026-03-29T00:50:00Z")).orElseThrow();
        Instant b = Schedules.nextAfter("*/15 * * * *", PARIS, a).orElseThrow();
        assertThat(java.time.Duration.between(a, b).toMinutes()).isEqualTo(15);
    }
}

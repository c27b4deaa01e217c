package dev.cohort.sandbox.braze;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsersTrackTest {
    @Test
    void timesWithAnOffsetOrInBrazesOwnFormatAreRead() {
        assertThat(UsersTrack.parseTime("2030-01-01T09:30:00Z")).hasValue(Instant.parse("2030-01-01T09:30:00Z"));
        assertThat(UsersTrack.parseTime("2030-01-01T10:30:00.5+01:00")).hasValue(Instant.parse("2030-01-01T09:30:00.500Z"));
        assertThat(UsersTrack.parseTime("2030-01-01T09:30:00:250+0000")).hasValue(Instant.parse("2030-01-01T09:30:00.250Z"));
    }

    @Test
    void timesWithoutAnOffsetOrNotDateTimesAreNot() {
        assertThat(UsersTrack.parseTime("2030-01-01T09:30:00")).isEmpty();
        assertThat(UsersTrack.parseTime("2030-01-01")).isEmpty();
        assertThat(UsersTrack.parseTime("1893490200")).isEmpty();
    }
}

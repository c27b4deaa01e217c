package dev.cohort.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {
    private final MovableClock clock = new MovableClock();
    private final List<String> slowChecks = new ArrayList<>();
    /** A stand-in for Argon2: "hash:<password>" matches <password>, and every call is counted. */
    private final VerifiedPasswords passwords = new VerifiedPasswords((password, stored) -> {
        slowChecks.add(password);
        return stored.equals("hash:" + password);
    }, clock);

    @Test
    void aPasswordVerifiedOnceIsNotVerifiedSlowlyAgainForAFewMinutes() {
        assertThat(passwords.matches("ada", "correct horse battery", "hash:correct horse battery")).isTrue();
        assertThat(passwords.matches("ada", "correct horse battery", "hash:correct horse battery")).isTrue();
        clock.advance(VerifiedPasswords.REMEMBER.minusSeconds(1));
        assertThat(passwords.matches("ada", "correct horse battery", "hash:correct horse battery")).isTrue();

        assertThat(slowChecks).hasSize(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedSlowlyAndNeverAccepted() {
        passwords.matches("ada", "correct horse battery", "hash:correct horse battery");

        assertThat(passwords.matches("ada", "wrong horse battery", "hash:correct horse battery")).isFalse();
        assertThat(passwords.matches("ada", "wrong horse battery", "hash:correct horse battery")).isFalse();
        assertThat(slowChecks).containsExactly("correct horse battery", "wrong horse battery", "wrong horse battery");
    }

    @Test
    void aChangedPasswordOrAnExpiredEntryIsCheckedAgain() {
        passwords.matches("ada", "correct horse battery", "hash:correct horse battery");

        assertThat(passwords.matches("ada", "correct horse battery", "hash:new staple")).as("the password was changed").isFalse();
        clock.advance(VerifiedPasswords.REMEMBER);
        assertThat(passwords.matches("ada", "correct horse battery", "hash:correct horse battery")).isTrue();
        assertThat(slowChecks).hasSize(3);
    }

    @Test
    void oneUsersVerifiedPasswordDoesNotOpenAnotherUsersAccount() {
        passwords.matches("ada", "correct horse battery", "hash:correct horse battery");

        assertThat(passwords.matches("bob", "correct horse battery", "hash:bobs own password")).isFalse();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

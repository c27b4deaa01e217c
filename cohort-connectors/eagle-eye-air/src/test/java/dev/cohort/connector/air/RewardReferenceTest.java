package dev.cohort.connector.air;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The idempotency key of a row: deterministic, one per reward, consumer and action, and without the identity in the clear. */
class RewardReferenceTest {
    @Test
    void isTheTruncatedSha256OfRewardKeyIdentityAndAction() {
        // printf '%s' $'welcome-2026\nCUST-1001\nLATE_DELIVERY_500' | sha256sum
        assertThat(RewardReference.of("welcome-2026", "CUST-1001", "LATE_DELIVERY_500"))
                .isEqualTo("cohort-331064dad829f30b980be90612881b51");
        assertThat(RewardReference.of("welcome-2026", "CUST-1002", "LATE_DELIVERY_500"))
                .isEqualTo("cohort-43cf3afef064cd8d44a099a043624e57");
    }

    @Test
    void isTheSameEveryTime() {
        assertThat(RewardReference.of("welcome-2026", "CUST-1001", "LATE_DELIVERY_500"))
                .isEqualTo(RewardReference.of("welcome-2026", "CUST-1001", "LATE_DELIVERY_500"));
    }

    @Test
    void differsForAnotherRewardConsumerOrAction() {
        String base = RewardReference.of("welcome-2026", "CUST-1001", "LATE_DELIVERY_500");
        assertThat(RewardReference.of("welcome-2027", "CUST-1001", "LATE_DELIVERY_500")).isNotEqualTo(base);
        assertThat(RewardReference.of("welcome-2026", "cust-1001", "LATE_DELIVERY_500")).as("identities are compared exactly")
                .isNotEqualTo(base);
        assertThat(RewardReference.of("welcome-2026", "CUST-1001", "APP_DOWNLOAD_100")).isNotEqualTo(base);
        assertThat(RewardReference.of("welcome-2026" + AirTriggerSettings.TEST_SUFFIX, "CUST-1001", "LATE_DELIVERY_500")).isNotEqualTo(base);
    }

    @Test
    void theSeparatorKeepsTheFieldsApart() {
        assertThat(RewardReference.of("ab", "c", "d")).isNotEqualTo(RewardReference.of("a", "bc", "d"));
        assertThat(RewardReference.of("a", "bc", "d")).isNotEqualTo(RewardReference.of("a", "b", "cd"));
    }

    @Test
    void holdsNoPersonalData() {
        String reference = RewardReference.of("welcome-2026", "robin@example.org", "LATE_DELIVERY_500");
        assertThat(reference).matches("cohort-[0-9a-f]{32}").doesNotContain("robin").doesNotContain("example");
    }
}

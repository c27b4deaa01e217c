package dev.cohort.connector.air;

import java.util.Objects;

/**
 * A configured {@code eagle-eye-air-trigger} destination. Immutable; its {@code toString} shows neither credential
 * value.
 *
 * @param air             AIR's connection: credential values, base URL, trigger path and request timeout
 * @param rewardKey       names the reward; part of every row's idempotency key ({@link RewardReference})
 * @param actionReference the behavioural action run for a row that gives none, or null when every row gives its own
 * @param allowTestRuns   whether test runs may send (they reward for real)
 */
public record AirTriggerConfig(AirConfig air, String rewardKey, String actionReference, boolean allowTestRuns) {
    public AirTriggerConfig {
        Objects.requireNonNull(air, "air");
        Objects.requireNonNull(rewardKey, "rewardKey");
    }

    /** The reward key a run uses: {@code reward_key}, with {@link AirTriggerSettings#TEST_SUFFIX} in a test run. */
    public String rewardKey(boolean testRun) {
        return testRun ? rewardKey + AirTriggerSettings.TEST_SUFFIX : rewardKey;
    }

    @Override
    public String toString() {
        return "AirTriggerConfig[clientId=****, clientSecret=****, baseUrl=" + air.baseUrl() + ", triggerPath=" + air.triggerPath()
                + ", requestTimeout=" + air.requestTimeout() + ", rewardKey=" + rewardKey + ", actionReference=" + actionReference
                + ", allowTestRuns=" + allowTestRuns + "]";
    }
}

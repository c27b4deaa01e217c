package dev.cohort.connector.air;

import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import dev.cohort.spi.destination.HttpReachability;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection check of an {@code eagle-eye-air-trigger} destination: what can be known without rewarding anyone.
 * The base URL's host resolves and answers over HTTP(S) ({@link HttpReachability}). AIR has no call that verifies a
 * client id and secret without running a service, so the check says so: the first trigger verifies them (a wrong one
 * fails that run with {@code 401}, rewarding nobody).
 */
final class AirTriggerCheck {
    private AirTriggerCheck() {}

    static CheckResult run(AirTriggerConfig config, CheckContext context) {
        List<Step> steps = new ArrayList<>();
        if (HttpReachability.check(config.air().baseUrl(), context, "wallet.sandbox.uk.eagleeye.com", steps)) {
            steps.add(new Step("client_id and client_secret", true, "not verified here: AIR has no call that checks them without"
                    + " running a service, so the first trigger does (wrong ones fail that run with 401, and nobody is rewarded)"));
        }
        return new CheckResult(steps);
    }
}

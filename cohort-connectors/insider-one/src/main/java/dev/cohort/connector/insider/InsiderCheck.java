package dev.cohort.connector.insider;

import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import dev.cohort.spi.destination.HttpReachability;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection check of an Insider One destination: what can be known without uploading a segment. The base URL's
 * host resolves and answers over HTTP(S) ({@link HttpReachability}). Insider has no call that verifies a partner name
 * and API token without uploading, so the check says so: the first upload verifies them.
 */
final class InsiderCheck {
    private InsiderCheck() {}

    static CheckResult run(InsiderOneConfig config, CheckContext context) {
        List<Step> steps = new ArrayList<>();
        if (HttpReachability.check(config.baseUrl(), context, null, steps)) {
            steps.add(new Step("partner name and API token", true, "not verified here: Insider One has no call that checks them"
                    + " without uploading a segment, so the first upload does (a wrong one fails that run with 401 Bad Api Key.)"));
        }
        return new CheckResult(steps);
    }
}

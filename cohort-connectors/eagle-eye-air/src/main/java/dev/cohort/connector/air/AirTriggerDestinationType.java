package dev.cohort.connector.air;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.DestinationSpec;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.DestinationWriter;
import dev.cohort.spi.destination.RetryPolicy;
import dev.cohort.spi.destination.TemplateContract;
import dev.cohort.spi.destination.WriteContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type: eagle-eye-air-trigger}: each row of a query rewards one consumer in Eagle Eye AIR. A row gives the
 * consumer's {@code identity_value} and, optionally, the {@code action_reference} of the behavioural action to run
 * (else the destination's setting); each becomes a signed {@code services/trigger} whose wallet transaction
 * reference is the row's idempotency key ({@link RewardReference}: reward_key, identity, action), so an
 * orchestration run again — or a delivery retried after a failure — never rewards anyone twice.
 *
 * <p>AIR publishes no rate limit, so none is declared; each request still takes a permit. A delivery that failed
 * with a temporary error (429, 5xx, AIR unreachable) is retried whole: the rows already rewarded come back as
 * duplicates. Test runs are refused unless {@code allow_test_runs} is true, because they reward for real. Stateless
 * and thread-safe.
 */
public final class AirTriggerDestinationType implements DestinationType<AirTriggerConfig> {
    public static final String TYPE = "eagle-eye-air-trigger";
    /** 4 attempts in all, waiting 5 s, 10 s, 20 s (at most 60 s) — or as long as AIR's Retry-After says. */
    public static final RetryPolicy RETRY_POLICY = new RetryPolicy(4, Duration.ofSeconds(5), Duration.ofSeconds(60));
    /** identity_value required, action_reference optional; nothing else (names compared ignoring case). */
    public static final TemplateContract TEMPLATE = new TemplateContract(List.of(TriggerFields.IDENTITY_VALUE), TriggerFields.NAMES, false);
    private static final DestinationSpec SPEC = new DestinationSpec(TYPE, "Eagle Eye AIR rewards",
            "Each row rewards one consumer in Eagle Eye AIR through a signed services/trigger, with an idempotency key per"
                    + " reward, consumer and action, so that running the orchestration again never rewards anyone twice.",
            AirSettings.CREDENTIAL_TYPE, TEMPLATE, AirTriggerSettings.SETTINGS, AirTriggerSettings.SECRETS, Set.of(), null, RETRY_POLICY);

    @Override
    public DestinationSpec spec() {
        return SPEC;
    }

    @Override
    public AirTriggerConfig configure(Settings settings) {
        return AirTriggerSettings.bind(settings);
    }

    @Override
    public CheckResult check(AirTriggerConfig config, CheckContext context) {
        return AirTriggerCheck.run(config, context);
    }

    @Override
    public DestinationWriter open(AirTriggerConfig config, WriteContext context) {
        return AirTriggerWriter.open(config, context);
    }

    /** {@code identity_value} present, an action reference from the row or the settings, no other field. */
    @Override
    public List<String> checkFields(AirTriggerConfig config, List<String> fields) {
        return TriggerFields.problems(config, fields);
    }

    /**
     * A reward key is one reward: two orchestrations sending with one credential under the same {@code reward_key}
     * would silently share their consumers' idempotency keys (the second finding the first's consumers "already
     * rewarded"), so the second is refused.
     */
    @Override
    public Optional<String> exclusiveKey(AirTriggerConfig config) {
        return Optional.of("reward_key '" + config.rewardKey() + "'");
    }
}

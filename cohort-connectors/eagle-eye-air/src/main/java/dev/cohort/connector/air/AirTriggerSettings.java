package dev.cohort.connector.air;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the {@code eagle-eye-air-trigger} destination, declared once: AIR's connection settings and
 * credential values as the {@code eagle-eye-air} platform declares them ({@link AirSettings}), and what names the
 * reward. Binding records every problem at once; no problem shows a credential value.
 */
public final class AirTriggerSettings {
    /** Appended to {@code reward_key} in test runs, so that a test never uses a real reward's idempotency keys. */
    public static final String TEST_SUFFIX = "-cohort-test";
    /** The longest {@code reward_key} and {@code action_reference}. */
    public static final int MAX_KEY_LENGTH = 100;

    public static final SettingSpec REWARD_KEY = SettingSpec.required("reward_key", SettingType.STRING,
            "A name for this reward, such as welcome-2026: part of every row's idempotency key, so a consumer is rewarded once per"
                    + " reward_key and action however often the orchestration runs; another reward_key rewards everyone again.");
    public static final SettingSpec ACTION_REFERENCE = SettingSpec.optional("action_reference", SettingType.STRING, null,
            "The reference of the behavioural action AIR runs for every row (AIR dashboard: Social Behavioural Actions), e.g."
                    + " LATE_DELIVERY_500; a row's own action_reference field wins. Needed unless the query gives one per row.");
    public static final SettingSpec ALLOW_TEST_RUNS = SettingSpec.optional("allow_test_runs", SettingType.BOOLEAN, "false",
            "Whether test runs may send. A test run rewards its rows' consumers for real (under reward_key" + TEST_SUFFIX
                    + ", so the real run rewards them again): leave false unless base_url is an AIR sandbox or the rows are test consumers.");

    public static final List<SettingSpec> SETTINGS = List.of(AirSettings.BASE_URL, AirSettings.TRIGGER_PATH, AirSettings.REQUEST_TIMEOUT,
            REWARD_KEY, ACTION_REFERENCE, ALLOW_TEST_RUNS);

    public static final List<SecretSpec> SECRETS = AirSettings.SECRETS;

    private AirTriggerSettings() {}

    /**
     * Reads settings and credential values and validates them.
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem
     */
    public static AirTriggerConfig bind(Settings settings) {
        URI baseUrl = AirSettings.baseUrl(settings);
        String triggerPath = AirSettings.triggerPath(settings);
        Duration timeout = AirSettings.timeout(settings);
        String rewardKey = rewardKey(settings);
        String actionReference = actionReference(settings);
        boolean allowTestRuns = settings.bool(ALLOW_TEST_RUNS.name());
        String clientId = AirSettings.secret(settings, AirSettings.CLIENT_ID, "the AIR API client id");
        String clientSecret = AirSettings.secret(settings, AirSettings.CLIENT_SECRET, "the AIR API client secret");
        settings.validate();
        AirConfig air = new AirConfig(clientId, clientSecret, baseUrl, triggerPath, timeout, null, 0, Map.of());
        return new AirTriggerConfig(air, rewardKey, actionReference, allowTestRuns);
    }

    private static String rewardKey(Settings settings) {
        String name = REWARD_KEY.name();
        Optional<String> given = settings.optionalString(name);
        if (given.isEmpty()) {
            return null; // reported as required
        }
        String key = given.get().strip();
        if (key.isEmpty()) {
            settings.problem(name, "is empty: name the reward, e.g. welcome-2026");
        } else if (key.length() > MAX_KEY_LENGTH) {
            settings.problem(name, "has " + key.length() + " characters; at most " + MAX_KEY_LENGTH + ": a short name such as welcome-2026");
        } else if (!printable(key)) {
            settings.problem(name, "may hold only printable ASCII characters (letters, digits, spaces, - _ . : /), no line break,"
                    + " tab or accented letter: e.g. welcome-2026");
        } else if (key.toLowerCase(Locale.ROOT).endsWith(TEST_SUFFIX)) {
            settings.problem(name, "ends with " + TEST_SUFFIX + ", which Cohort appends in test runs: choose another name");
        }
        return key;
    }

    private static String actionReference(Settings settings) {
        String name = ACTION_REFERENCE.name();
        Optional<String> given = settings.optionalString(name).map(String::strip);
        if (given.isEmpty()) {
            return null;
        }
        String reference = given.get();
        if (reference.isEmpty()) {
            settings.problem(name, "is empty: give the behavioural action's reference (e.g. LATE_DELIVERY_500), or leave the setting out"
                    + " when the query gives an action_reference per row");
        } else if (reference.length() > MAX_KEY_LENGTH) {
            settings.problem(name, "has " + reference.length() + " characters; at most " + MAX_KEY_LENGTH + ": copy the reference from"
                    + " AIR's Social Behavioural Actions");
        } else if (!printable(reference)) {
            settings.problem(name, "may hold only printable ASCII characters, no line break, tab or accented letter: copy the"
                    + " reference from AIR's Social Behavioural Actions");
        }
        return reference.isEmpty() ? null : reference;
    }

    static boolean printable(String text) {
        return text.chars().allMatch(c -> c >= ' ' && c <= '~');
    }
}

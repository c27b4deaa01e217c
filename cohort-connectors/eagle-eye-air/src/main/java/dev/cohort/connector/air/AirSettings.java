package dev.cohort.connector.air;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings and credential values of the {@code eagle-eye-air} platform, declared once, and their binding into
 * an {@link AirConfig}: every problem is recorded in {@link Settings} at once, and no problem shows a credential
 * value.
 */
public final class AirSettings {
    /** The credential type an AIR connector's credential must have. */
    public static final String CREDENTIAL_TYPE = "eagle-eye-air";
    /** The longest {@code request_timeout}: a trigger is one small request. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final String EXAMPLE_URL = "https://wallet.sandbox.uk.eagleeye.com";

    public static final SettingSpec BASE_URL = SettingSpec.required("base_url", SettingType.STRING,
            "AIR's wallet API base URL for the unit's region and environment, e.g. " + EXAMPLE_URL
                    + " (sandbox) or https://wallet.uk.eagleeye.com; Cohort's sandbox URL to try it.");
    public static final SettingSpec TRIGGER_PATH = SettingSpec.optional("trigger_path", SettingType.STRING, "/services/trigger",
            "The path of AIR's services/trigger under base_url; it is part of what is signed.");
    public static final SettingSpec REQUEST_TIMEOUT = SettingSpec.optional("request_timeout", SettingType.DURATION, "30s",
            "How long one request to AIR may take before it is given up and retried (5s, 30s, PT1M; at most 5m).");
    public static final SettingSpec CURRENCY = SettingSpec.optional("currency", SettingType.STRING, null,
            "The ISO 4217 code (GBP, USD, EUR) given with basket values; AIR's notifications name none.");
    public static final SettingSpec BASKET_VALUE_DECIMALS = SettingSpec.optional("basket_value_decimals", SettingType.INTEGER, "2",
            "AIR's money amounts are in minor units (6300 = 63.00): basket, discount and coupon values are divided by 10 to"
                    + " this power (0 to 4; 0 passes them on as AIR sends them).");
    public static final SettingSpec TIER_NAMES = SettingSpec.optional("tier_names", SettingType.STRING, null,
            "Names for AIR's tier ids, as id=name pairs separated by commas (177=Silver, 179=Gold); AIR's notifications"
                    + " carry only ids, which are passed on where no name is given.");

    public static final List<SettingSpec> SETTINGS = List.of(BASE_URL, TRIGGER_PATH, REQUEST_TIMEOUT, CURRENCY, BASKET_VALUE_DECIMALS,
            TIER_NAMES);

    public static final SecretSpec CLIENT_ID = new SecretSpec("client_id", true,
            "The AIR API client id (sent as X-EES-AUTH-CLIENT-ID), from the AIR dashboard or Eagle Eye.");
    public static final SecretSpec CLIENT_SECRET = new SecretSpec("client_secret", true,
            "The AIR API client secret: it signs every request (X-EES-AUTH-HASH) and is never sent.");

    public static final List<SecretSpec> SECRETS = List.of(CLIENT_ID, CLIENT_SECRET);

    private AirSettings() {}

    /**
     * Reads settings and credential values and validates them.
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem
     */
    public static AirConfig bind(Settings settings) {
        URI baseUrl = baseUrl(settings);
        String triggerPath = triggerPath(settings);
        Duration timeout = timeout(settings);
        String currency = currency(settings);
        int decimals = decimals(settings);
        Map<String, String> tierNames = tierNames(settings);
        String clientId = secret(settings, CLIENT_ID, "the AIR API client id");
        String clientSecret = secret(settings, CLIENT_SECRET, "the AIR API client secret");
        settings.validate();
        return new AirConfig(clientId, clientSecret, baseUrl, triggerPath, timeout, currency, decimals, tierNames);
    }

    static URI baseUrl(Settings settings) {
        String name = BASE_URL.name();
        Optional<String> given = settings.optionalString(name).map(String::strip);
        if (given.isEmpty()) {
            return null; // reported as required
        }
        String text = given.get();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            settings.problem(name, "is not a URL (" + e.getReason() + "): give e.g. " + EXAMPLE_URL);
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            settings.problem(name, "must start with https:// (or http:// for a local sandbox), e.g. " + EXAMPLE_URL);
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            settings.problem(name, "has no host name: give e.g. " + EXAMPLE_URL);
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            settings.problem(name, "must not hold a user name or password: the AIR client id and secret belong in the credential");
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            settings.problem(name, "must not have a query (?…) or fragment (#…): give only scheme, host, port and path prefix");
            return null;
        }
        return uri;
    }

    static String triggerPath(Settings settings) {
        String path = settings.optionalString(TRIGGER_PATH.name()).map(String::strip).orElse(TRIGGER_PATH.defaultValue());
        if (!path.startsWith("/")) {
            settings.problem(TRIGGER_PATH.name(), "must start with / (e.g. " + TRIGGER_PATH.defaultValue() + "), not '" + path + "'");
        } else if (path.contains("?") || path.contains("#") || path.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            settings.problem(TRIGGER_PATH.name(), "must be a plain path (no spaces, query or fragment), e.g. " + TRIGGER_PATH.defaultValue());
        } else {
            try {
                new URI("http://h" + path);
            } catch (URISyntaxException e) {
                settings.problem(TRIGGER_PATH.name(), "is not a URL path (" + e.getReason() + "), e.g. " + TRIGGER_PATH.defaultValue());
            }
        }
        return path;
    }

    static Duration timeout(Settings settings) {
        Duration timeout = settings.duration(REQUEST_TIMEOUT.name());
        if (settings.problems().stream().anyMatch(p -> p.field().equals(REQUEST_TIMEOUT.name()))) {
            return timeout;
        }
        if (timeout.isZero() || timeout.isNegative()) {
            settings.problem(REQUEST_TIMEOUT.name(), "must be longer than zero, e.g. 30s");
        } else if (timeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            settings.problem(REQUEST_TIMEOUT.name(), "is " + timeout.toSeconds() + " s; at most " + MAX_REQUEST_TIMEOUT.toMinutes()
                    + " minutes: a trigger that takes longer is better retried");
        }
        return timeout;
    }

    private static String currency(Settings settings) {
        Optional<String> given = settings.optionalString(CURRENCY.name()).map(String::strip);
        if (given.isEmpty() || given.get().isEmpty()) {
            return null;
        }
        String code = given.get().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        settings.problem(CURRENCY.name(), "is not an ISO 4217 currency code: give three letters such as GBP, USD or EUR, not '"
                + given.get() + "'");
        return null;
    }

    private static int decimals(Settings settings) {
        if (settings.problems().stream().anyMatch(p -> p.field().equals(BASKET_VALUE_DECIMALS.name()))) {
            return 0;
        }
        int decimals = settings.integer(BASKET_VALUE_DECIMALS.name());
        if (decimals < 0 || decimals > 4) {
            settings.problem(BASKET_VALUE_DECIMALS.name(), "must be 0 to 4 (2 for pence and cents), not " + decimals);
        }
        return decimals;
    }

    private static Map<String, String> tierNames(Settings settings) {
        Map<String, String> names = new LinkedHashMap<>();
        String text = settings.optionalString(TIER_NAMES.name()).orElse("");
        if (text.isBlank()) {
            return names;
        }
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int equals = entry.indexOf('=');
            String id = equals < 0 ? "" : entry.substring(0, equals).strip();
            String name = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (entry.isEmpty()) {
                settings.problem(TIER_NAMES.name(), "entry " + (i + 1) + " is empty: write id=name pairs separated by commas, e.g. 177=Silver, 179=Gold");
            } else if (equals < 0 || id.isEmpty() || name.isEmpty()) {
                settings.problem(TIER_NAMES.name(), "entry " + (i + 1) + " ('" + entry + "') is not id=name: write e.g. 177=Silver");
            } else if (names.putIfAbsent(id, name) != null) {
                settings.problem(TIER_NAMES.name(), "names tier " + id + " twice: keep one of them");
            }
        }
        return names;
    }

    static String secret(Settings settings, SecretSpec spec, String what) {
        String field = "credential." + spec.name();
        Optional<String> value = settings.secret(spec.name());
        if (value.isEmpty()) {
            settings.problem(field, "is missing: the credential (type " + CREDENTIAL_TYPE + ") needs " + spec.name() + ", " + what);
            return "";
        }
        if (value.get().chars().anyMatch(c -> c <= ' ' || c > '~')) {
            settings.problem(field, "contains a space, line break or non-ASCII character, which AIR's credentials do not have:"
                    + " copy " + spec.name() + " again from AIR");
        }
        return value.get();
    }
}

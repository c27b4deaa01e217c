package dev.cohort.connector.braze;

import dev.cohort.spi.Suggestions;
import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.event.LoyaltyEvent.Kind;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings and credential value of {@code platform: braze}, declared once, and their binding into a
 * {@link BrazeConfig}: every problem is recorded in {@link Settings} at once, keyed by the setting (a mapping's
 * problems name the entry), and no problem shows the API key.
 */
public final class BrazeSettings {
    /** The credential type a Braze connector's credential must have. */
    public static final String CREDENTIAL_TYPE = "braze";
    /** Braze's most objects per array ({@code /users/track}), and per request where they are counted together. */
    public static final int MAX_BATCH_SIZE = 75;
    /** The longest {@code request_timeout}. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(5);
    /** Names an attribute mapping may not set: they identify the user, or are Braze's own fields. */
    static final Set<String> RESERVED_ATTRIBUTES = Set.of("external_id", "user_alias", "braze_id", "email", "phone",
            "_update_existing_only", "push_token_import");
    private static final String EXAMPLE_ENDPOINT = "https://rest.iad-01.braze.com";
    private static final String EVENT_EXAMPLE = "KIND=Event Name (e.g. POINTS_AWARDED=Points Earned, or"
            + " POSCONNECT.WALLET.SPEND=Points Used, or WALLET_DELETED=-)";

    public static final SettingSpec REST_ENDPOINT = SettingSpec.required("rest_endpoint", SettingType.STRING,
            "The REST endpoint of the Braze instance (" + EXAMPLE_ENDPOINT + "; Braze's Settings > APIs and Identifiers shows"
                    + " it); requests go to <rest_endpoint>/users/track.");
    public static final SettingSpec BATCH_SIZE = SettingSpec.optional("batch_size", SettingType.INTEGER, String.valueOf(MAX_BATCH_SIZE),
            "The most objects in one /users/track request, counted as batch_counting says: 1 to 75 (50 or less if the Braze"
                    + " contract says so).");
    public static final SettingSpec BATCH_COUNTING = SettingSpec.choice("batch_counting", "combined",
            "combined: batch_size counts attributes, events and purchases of a request together (Braze's current limit);"
                    + " per_array: each array on its own (Braze's legacy limit of 75 of each).",
            "combined", "per_array");
    public static final SettingSpec REQUEST_TIMEOUT = SettingSpec.optional("request_timeout", SettingType.DURATION, "30s",
            "How long one request may take until Braze answers (10s, 1m; at most 5m); then its events are retried.");
    public static final SettingSpec EVENT_NAMES = SettingSpec.optional("event_names", SettingType.STRING, null,
            "Custom event names over the built-in ones: KIND=Event Name or AIR.EVENT.NAME=Event Name, comma-separated;"
                    + " - sends no custom event (e.g. POINTS_AWARDED=Points Earned,WALLET_DELETED=-).");
    public static final SettingSpec ATTRIBUTES = SettingSpec.optional("attributes", SettingType.STRING, null,
            "Profile attributes over the built-in ones: fact=attribute_name, comma-separated; - sets none"
                    + " (e.g. points_balance=loyalty_points,tier=-).");
    public static final SettingSpec PROPERTIES = SettingSpec.optional("properties", SettingType.STRING, null,
            "Event property names other than the facts' own: fact=property_name, comma-separated; - leaves it out"
                    + " (e.g. ees_event_id=air_event_id,wallet_id=-).");
    public static final SettingSpec PURCHASE_PRODUCT_ID = SettingSpec.optional("purchase_product_id", SettingType.STRING, null,
            "When set, a completed or fulfilled order with a basket value and currency is also sent as a Braze purchase of"
                    + " this product_id (quantity 1, price = basket value); unset, no purchases are sent.");
    public static final SettingSpec UPDATE_EXISTING_ONLY = SettingSpec.optional("update_existing_only", SettingType.BOOLEAN, "false",
            "true: every object carries _update_existing_only, so Braze creates no user for an external_id it does not know.");

    public static final List<SettingSpec> SETTINGS = List.of(REST_ENDPOINT, BATCH_SIZE, BATCH_COUNTING, REQUEST_TIMEOUT, EVENT_NAMES,
            ATTRIBUTES, PROPERTIES, PURCHASE_PRODUCT_ID, UPDATE_EXISTING_ONLY);

    public static final SecretSpec API_KEY = new SecretSpec("api_key", true,
            "A Braze REST API key with the users.track permission, sent as Authorization: Bearer <api_key>.");

    public static final List<SecretSpec> SECRETS = List.of(API_KEY);

    private BrazeSettings() {}

    /**
     * Reads settings and the credential value and validates them.
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem
     */
    public static BrazeConfig bind(Settings settings) {
        URI endpoint = restEndpoint(settings);
        BatchCounting counting = Optional.ofNullable(settings.choice(BATCH_COUNTING.name(), BatchCounting.class))
                .orElse(BatchCounting.COMBINED);
        String productId = purchaseProductId(settings);
        int batchSize = batchSize(settings, counting, productId != null);
        Duration timeout = requestTimeout(settings);
        List<MappingSyntax.Entry> eventEntries = MappingSyntax.parse(settings.optionalString(EVENT_NAMES.name()).orElse(null),
                EVENT_NAMES.name(), EVENT_EXAMPLE, settings);
        BrazeMapping mapping = new BrazeMapping(eventNames(settings, eventEntries), platformEventNames(settings, eventEntries),
                attributes(settings), propertyNames(settings));
        boolean existingOnly = settings.bool(UPDATE_EXISTING_ONLY.name());
        String apiKey = apiKey(settings);
        settings.validate();
        return new BrazeConfig(apiKey, endpoint, batchSize, counting, timeout, mapping, productId, existingOnly);
    }

    private static URI restEndpoint(Settings settings) {
        String name = REST_ENDPOINT.name();
        String text = settings.optionalString(name).map(String::strip).orElse(null);
        if (text == null) {
            return null; // reported as required
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            settings.problem(name, "is not a URL (" + e.getReason() + "): give the instance's REST endpoint, e.g. " + EXAMPLE_ENDPOINT);
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            settings.problem(name, "must be a URL with https:// and a host name, e.g. " + EXAMPLE_ENDPOINT);
            return null;
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            settings.problem(name, "must start with https://: over http:// the API key would cross the network in clear text"
                    + " (http:// is accepted only for a sandbox on this machine: localhost, 127.0.0.1)");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            settings.problem(name, "must not hold a user name or password: the API key belongs in the credential (api_key)");
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            settings.problem(name, "must not have a query (?…) or fragment (#…): give only scheme, host and port, e.g. " + EXAMPLE_ENDPOINT);
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (path.toLowerCase(Locale.ROOT).endsWith(BrazeConfig.USERS_TRACK_PATH)) {
            settings.problem(name, "ends with " + BrazeConfig.USERS_TRACK_PATH + ": give the endpoint without it (Cohort adds it), e.g. "
                    + EXAMPLE_ENDPOINT);
            return null;
        }
        if (host.toLowerCase(Locale.ROOT).startsWith("dashboard")) {
            settings.problem(name, "is the address of Braze's dashboard, not of its REST API: give the REST endpoint of the same"
                    + " instance (rest.<instance>.braze.com, e.g. " + EXAMPLE_ENDPOINT + "), shown in Braze under Settings > APIs and"
                    + " Identifiers");
            return null;
        }
        return URI.create(text.replaceAll("/+$", ""));
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost: not resolved here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static int batchSize(Settings settings, BatchCounting counting, boolean purchases) {
        String name = BATCH_SIZE.name();
        int size = settings.integer(name);
        boolean parsed = settings.problems().stream().noneMatch(p -> p.field().equals(name));
        if (!parsed) {
            return MAX_BATCH_SIZE;
        }
        if (size < 1 || size > MAX_BATCH_SIZE) {
            settings.problem(name, "is " + size + "; Braze takes 1 to " + MAX_BATCH_SIZE + " objects (give 50 if the Braze contract"
                    + " limits requests to 50)");
            return MAX_BATCH_SIZE;
        }
        int perEvent = purchases ? 3 : 2;
        if (counting == BatchCounting.COMBINED && size < perEvent) {
            settings.problem(name, "is " + size + ", but with batch_counting combined one event's objects (its custom event and"
                    + " attributes" + (purchases ? ", and a purchase" : "") + ") go in one request: give at least " + perEvent);
            return MAX_BATCH_SIZE;
        }
        return size;
    }

    private static Duration requestTimeout(Settings settings) {
        String name = REQUEST_TIMEOUT.name();
        Duration timeout = settings.duration(name);
        boolean parsed = settings.problems().stream().noneMatch(p -> p.field().equals(name));
        if (parsed && (timeout.isZero() || timeout.isNegative())) {
            settings.problem(name, "must be longer than zero, e.g. 30s");
        } else if (parsed && timeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            settings.problem(name, "must be at most 5m: Braze answers /users/track within seconds");
        }
        return timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(30) : timeout;
    }

    /** The built-in event names with the entries keyed by a kind on top. */
    private static Map<Kind, String> eventNames(Settings settings, List<MappingSyntax.Entry> entries) {
        Map<Kind, String> names = new EnumMap<>(BrazeMapping.DEFAULT_EVENT_NAMES);
        for (MappingSyntax.Entry entry : entries) {
            if (entry.key().contains(".")) {
                continue; // a platform event name
            }
            Optional<Kind> kind = kind(entry.key());
            if (kind.isEmpty()) {
                List<String> kinds = Arrays.stream(Kind.values()).map(Kind::name).toList();
                settings.problem(EVENT_NAMES.name(), entry.where() + " is not a kind of loyalty event"
                        + Suggestions.didYouMean(entry.key().toUpperCase(Locale.ROOT), kinds) + " (kinds: " + String.join(", ", kinds)
                        + "; or an event name of the loyalty platform with its dots, such as POSCONNECT.WALLET.SETTLE)");
            } else if (entry.off()) {
                names.remove(kind.get());
            } else if (validEventName(settings, entry)) {
                names.put(kind.get(), entry.value());
            }
        }
        return names;
    }

    /** The entries keyed by an event name of the loyalty platform (words joined by dots). */
    private static Map<String, String> platformEventNames(Settings settings, List<MappingSyntax.Entry> entries) {
        Map<String, String> names = new HashMap<>();
        for (MappingSyntax.Entry entry : entries) {
            if (!entry.key().contains(".")) {
                continue;
            }
            if (!entry.key().matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+")) {
                settings.problem(EVENT_NAMES.name(), entry.where() + " is not an event name of the loyalty platform: those are words"
                        + " joined by dots, such as POSCONNECT.WALLET.SETTLE");
            } else if (entry.off()) {
                names.put(entry.key().toUpperCase(Locale.ROOT), "");
            } else if (validEventName(settings, entry)) {
                names.put(entry.key().toUpperCase(Locale.ROOT), entry.value());
            }
        }
        return names;
    }

    private static boolean validEventName(Settings settings, MappingSyntax.Entry entry) {
        Optional<String> problem = BrazeNames.problem(entry.value());
        problem.ifPresent(p -> settings.problem(EVENT_NAMES.name(), entry.where() + ": the Braze event name "
                + BrazeNames.shown(entry.value()) + " " + p));
        return problem.isEmpty();
    }

    private static Optional<Kind> kind(String key) {
        String normal = key.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(Kind.values()).filter(kind -> kind.name().equals(normal)).findFirst();
    }

    private static Map<LoyaltyFact, String> attributes(Settings settings) {
        String setting = ATTRIBUTES.name();
        Map<LoyaltyFact, String> attributes = new EnumMap<>(BrazeMapping.DEFAULT_ATTRIBUTES);
        List<String> candidates = Arrays.stream(LoyaltyFact.values()).filter(LoyaltyFact::attribute).map(LoyaltyFact::key).toList();
        for (MappingSyntax.Entry entry : MappingSyntax.parse(settings.optionalString(setting).orElse(null), setting,
                "fact=attribute_name (e.g. points_balance=loyalty_points, or tier=-)", settings)) {
            Optional<LoyaltyFact> fact = LoyaltyFact.byKey(entry.key());
            if (fact.isEmpty()) {
                settings.problem(setting, entry.where() + " is not a fact of a loyalty event" + Suggestions.didYouMean(entry.key(), candidates)
                        + " (facts that can be attributes: " + String.join(", ", candidates) + ")");
            } else if (!fact.get().attribute()) {
                settings.problem(setting, entry.where() + ": " + fact.get().key() + " describes one event, not the consumer, so it"
                        + " cannot be a profile attribute; it is sent as an event property (facts that can be attributes: "
                        + String.join(", ", candidates) + ")");
            } else if (entry.off()) {
                attributes.remove(fact.get());
            } else {
                Optional<String> problem = BrazeNames.problem(entry.value());
                if (problem.isPresent()) {
                    settings.problem(setting, entry.where() + ": the attribute name " + BrazeNames.shown(entry.value()) + " " + problem.get());
                } else if (RESERVED_ATTRIBUTES.contains(entry.value().toLowerCase(Locale.ROOT))) {
                    settings.problem(setting, entry.where() + ": " + BrazeNames.shown(entry.value()) + " identifies the Braze user or is"
                            + " one of Braze's own fields; choose a custom attribute name such as loyalty_" + fact.get().key());
                } else {
                    attributes.put(fact.get(), entry.value());
                }
            }
        }
        Map<String, LoyaltyFact> byName = new HashMap<>();
        attributes.forEach((fact, name) -> {
            LoyaltyFact other = byName.putIfAbsent(name.toLowerCase(Locale.ROOT), fact);
            if (other != null) {
                settings.problem(setting, other.key() + " and " + fact.key() + " would both set the attribute " + BrazeNames.shown(name)
                        + ": give them different names");
            }
        });
        return attributes;
    }

    private static Map<String, String> propertyNames(Settings settings) {
        String setting = PROPERTIES.name();
        Map<String, String> names = new HashMap<>();
        for (MappingSyntax.Entry entry : MappingSyntax.parse(settings.optionalString(setting).orElse(null), setting,
                "fact=property_name (e.g. ees_event_id=air_event_id, or wallet_id=-)", settings)) {
            String key = LoyaltyFact.byKey(entry.key()).map(LoyaltyFact::key).orElse(entry.key());
            Optional<String> keyProblem = BrazeNames.problem(key);
            if (keyProblem.isPresent()) {
                settings.problem(setting, entry.where() + ": the property " + keyProblem.get());
            } else if (entry.off()) {
                names.put(key, "");
            } else {
                Optional<String> problem = BrazeNames.problem(entry.value());
                if (problem.isPresent()) {
                    settings.problem(setting, entry.where() + ": the property name " + BrazeNames.shown(entry.value()) + " " + problem.get());
                } else {
                    names.put(key, entry.value());
                }
            }
        }
        Map<String, String> byName = new HashMap<>();
        for (LoyaltyFact fact : LoyaltyFact.values()) {
            String name = names.getOrDefault(fact.key(), fact.key());
            String other = name.isEmpty() ? null : byName.putIfAbsent(name, fact.key());
            if (other != null) {
                settings.problem(setting, "the facts " + other + " and " + fact.key() + " would both be sent as the property "
                        + BrazeNames.shown(name) + ": give them different names");
            }
        }
        return names;
    }

    private static String purchaseProductId(Settings settings) {
        String id = settings.optionalString(PURCHASE_PRODUCT_ID.name()).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (id != null) {
            Optional<String> problem = BrazeNames.problem(id);
            if (problem.isPresent()) {
                settings.problem(PURCHASE_PRODUCT_ID.name(), problem.get() + ": give Braze's product_id for a loyalty basket, e.g. basket");
                return null;
            }
        }
        return id;
    }

    private static String apiKey(Settings settings) {
        String field = "credential." + API_KEY.name();
        String value = settings.secret(API_KEY.name()).map(String::strip).orElse("");
        if (value.isEmpty()) {
            settings.problem(field, "is required: the credential (type: " + CREDENTIAL_TYPE + ") must hold api_key, a Braze REST API key"
                    + " with the users.track permission (Braze: Settings > APIs and Identifiers)");
        } else if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            settings.problem(field, "contains a space, line break or non-ASCII character, which an HTTP header cannot carry: copy"
                    + " api_key again from Braze");
        }
        return value;
    }
}

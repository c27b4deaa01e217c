package dev.cohort.runtime.workspace;

import dev.cohort.model.EventConnectorDefinition;
import dev.cohort.model.EventConnectorDefinition.Direction;
import dev.cohort.model.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code event_connectors} section: one standing flow of events per name. Checks the form of what is written
 * here; the platforms and credentials it names are checked by {@link WorkspaceValidator}, the platforms' settings
 * by {@link Planner}.
 *
 * <pre>{@code
 * event_connectors:
 *   braze_out:
 *     direction: out                 # out: the loyalty platform's events → braze; in: braze's requests → rewards
 *     platform: braze
 *     credential: braze_api          # the platform's credential (out)
 *     settings: {rest_endpoint: https://rest.iad-01.braze.com}
 *     loyalty: {platform: eagle-eye-air, credential: air, settings: {base_url: https://api.eagleeye.com}}
 *     external_key: connector_key    # credential whose value external_key is the X-Auth-Token
 *     identity_type: CUSTOMER_ID     # out: the identity that names the consumer in braze
 *     events: [POSCONNECT.WALLET.SETTLE, TIER.MEMBERSHIP.MOVE]
 * }</pre>
 */
final class EventConnectorFormat {
    private EventConnectorFormat() {}

    static Optional<EventConnectorDefinition> read(String name, YamlMap map) {
        Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        Optional<Direction> direction = map.get("direction").map(node -> node.text().flatMap(text -> switch (text) {
            case "in" -> Optional.of(Direction.IN);
            case "out" -> Optional.of(Direction.OUT);
            default -> {
                node.problem("BAD_VALUE", "direction is 'in' (the platform's requests become rewards in the loyalty"
                        + " platform) or 'out' (the loyalty platform's events go to the platform), not '" + text + "'");
                yield Optional.<Direction>empty();
            }
        })).orElseGet(() -> {
            map.node().problem("MISSING_KEY", "event connector '" + name + "' needs 'direction: in' or 'direction: out'");
            return Optional.empty();
        });
        Optional<String> platform = map.requiredText("platform", "the marketing platform, e.g. braze");
        String credential = map.text("credential").orElse(null);
        Map<String, Object> settings = settings(map, "settings");
        String loyaltyPlatform = EventConnectorDefinition.DEFAULT_LOYALTY_PLATFORM;
        Optional<String> loyaltyCredential = Optional.empty();
        Map<String, Object> loyaltySettings = Map.of();
        Optional<YamlMap> loyalty = map.map("loyalty");
        if (loyalty.isEmpty()) {
            map.node().problem("MISSING_KEY", "event connector '" + name + "' needs 'loyalty: {credential: <a credential"
                    + " of the loyalty platform>}' (platform: eagle-eye-air by default)");
        } else {
            YamlMap side = loyalty.get();
            loyaltyPlatform = side.text("platform").orElse(EventConnectorDefinition.DEFAULT_LOYALTY_PLATFORM);
            loyaltyCredential = side.requiredText("credential", "the loyalty platform's credential (client id and secret)");
            loyaltySettings = settings(side, "settings");
            side.rejectUnknownKeys();
        }
        Optional<String> externalKey = map.requiredText("external_key", "a credential of type "
                + EventConnectorDefinition.EXTERNAL_KEY_CREDENTIAL_TYPE + " whose value '" + EventConnectorDefinition.EXTERNAL_KEY
                + "' callers send as X-Auth-Token");
        String identityType = map.text("identity_type").orElse(null);
        List<String> events = map.textList("events");
        boolean enabled = map.bool("enabled", true);
        map.rejectUnknownKeys();
        if (direction.isPresent() && direction.get() == Direction.OUT) {
            if (credential == null) {
                map.node().problem("MISSING_KEY", "event connector '" + name + "' sends to " + platform.orElse("its platform")
                        + ": it needs 'credential: <the platform's credential>'");
            }
            if (identityType == null) {
                map.node().problem("MISSING_KEY", "event connector '" + name + "' needs 'identity_type' (e.g. CUSTOMER_ID):"
                        + " the loyalty platform's identity whose value names the consumer in " + platform.orElse("the platform"));
            }
        }
        if (direction.isEmpty() || platform.isEmpty() || loyaltyCredential.isEmpty() || externalKey.isEmpty()) {
            return Optional.empty();
        }
        if (!platform.get().matches("[a-z][a-z0-9-]*")) {
            map.get("platform").orElseThrow().problem("BAD_VALUE", "platform is a lower-case name with dashes (it is part"
                    + " of the connector's URL), not '" + platform.get() + "'");
            return Optional.empty();
        }
        return Optional.of(new EventConnectorDefinition(name, description, direction.get(), platform.get(), credential,
                settings, loyaltyPlatform, loyaltyCredential.get(), loyaltySettings, externalKey.get(), identityType, events,
                enabled));
    }

    private static Map<String, Object> settings(YamlMap map, String key) {
        Map<String, Object> settings = new LinkedHashMap<>();
        map.map(key).ifPresent(s -> s.entries().forEach((k, value) -> settings.put(k, value.plain())));
        settings.values().removeIf(java.util.Objects::isNull);
        return settings;
    }

    /** The connector as written in {@code cohort.yaml} (and stored). */
    static Map<String, Object> encode(EventConnectorDefinition connector) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!connector.description().isEmpty()) {
            map.put("description", connector.description());
        }
        map.put("direction", connector.direction().keyword());
        map.put("platform", connector.platform());
        if (connector.credential() != null) {
            map.put("credential", connector.credential());
        }
        if (!connector.settings().isEmpty()) {
            map.put("settings", new TreeMap<>(connector.settings()));
        }
        Map<String, Object> loyalty = new LinkedHashMap<>();
        loyalty.put("platform", connector.loyaltyPlatform());
        loyalty.put("credential", connector.loyaltyCredential());
        if (!connector.loyaltySettings().isEmpty()) {
            loyalty.put("settings", new TreeMap<>(connector.loyaltySettings()));
        }
        map.put("loyalty", loyalty);
        map.put("external_key", connector.externalKey());
        if (connector.identityType() != null) {
            map.put("identity_type", connector.identityType());
        }
        if (!connector.events().isEmpty()) {
            map.put("events", connector.events());
        }
        if (!connector.enabled()) {
            map.put("enabled", false);
        }
        return map;
    }
}

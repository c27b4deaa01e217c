package dev.cohort.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A standing flow of events between the loyalty platform and a marketing or customer data platform.
 * {@link Direction#OUT}: the loyalty platform's event notifications, received on
 * {@code POST /out/<platform>/<name>}, are forwarded to the platform. {@link Direction#IN}: the platform's
 * requests on {@code POST /in/<platform>/<name>} become rewards in the loyalty platform. Both are authenticated by
 * the {@code X-Auth-Token} header, whose value is the connector's external key.
 *
 * @param platform          the marketing platform ({@code braze}); for {@code in}, the name in the URL
 * @param credential        the platform's credential (API key), for {@code out}; null for {@code in}
 * @param settings          the platform's settings as written (endpoint, mappings, batch size)
 * @param loyaltyPlatform   the loyalty platform ({@code eagle-eye-air})
 * @param loyaltyCredential the loyalty platform's credential (client id and secret)
 * @param loyaltySettings   the loyalty platform's settings as written (its API's base URL)
 * @param externalKey       the credential of type {@value #EXTERNAL_KEY_CREDENTIAL_TYPE} whose value
 *                          {@value #EXTERNAL_KEY} is the {@code X-Auth-Token} callers must send
 * @param identityType      for {@code out}: the identity type whose value names the consumer in the platform
 *                          ({@code CUSTOMER_ID}); an event without one is a dead letter
 * @param events            for {@code out}: the loyalty platform's event names forwarded; empty for every known one
 * @param enabled           false stops delivery (events are still accepted and kept)
 */
public record EventConnectorDefinition(String name, String description, Direction direction, String platform,
                                       String credential, Map<String, Object> settings, String loyaltyPlatform,
                                       String loyaltyCredential, Map<String, Object> loyaltySettings, String externalKey,
                                       String identityType, List<String> events, boolean enabled) {
    public static final String EXTERNAL_KEY_CREDENTIAL_TYPE = "event-connector";
    public static final String EXTERNAL_KEY = "external_key";
    public static final String DEFAULT_LOYALTY_PLATFORM = "eagle-eye-air";

    /** Which way events flow. */
    public enum Direction {
        /** The platform asks the loyalty platform to reward consumers. */
        IN("in"),
        /** The loyalty platform's events go to the platform. */
        OUT("out");

        private final String keyword;

        Direction(String keyword) {
            this.keyword = keyword;
        }

        /** As written in workspaces and URLs: {@code in}, {@code out}. */
        public String keyword() {
            return keyword;
        }
    }

    public EventConnectorDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(loyaltyPlatform, "loyaltyPlatform");
        Objects.requireNonNull(loyaltyCredential, "loyaltyCredential");
        Objects.requireNonNull(externalKey, "externalKey");
        description = description == null ? "" : description;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        loyaltySettings = loyaltySettings == null ? Map.of() : Map.copyOf(loyaltySettings);
        events = events == null ? List.of() : List.copyOf(events);
    }
}

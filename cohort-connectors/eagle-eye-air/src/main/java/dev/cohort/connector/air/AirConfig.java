package dev.cohort.connector.air;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A configured Eagle Eye AIR platform. Immutable; its {@code toString} shows neither credential value.
 *
 * @param clientId            the AIR client id ({@code X-EES-AUTH-CLIENT-ID})
 * @param clientSecret        the AIR client secret, which signs requests and is never sent
 * @param baseUrl             AIR's wallet API base URL without a trailing slash ({@code https://wallet.sandbox.uk.eagleeye.com})
 * @param triggerPath         the path of services/trigger under the base URL ({@code /services/trigger})
 * @param requestTimeout      how long one request to AIR may take until its answer's headers arrive
 * @param currency            the ISO 4217 currency of basket values when a notification does not name one, or null
 * @param basketValueDecimals AIR's money amounts are in minor units: a basket value is divided by 10 to this power
 * @param tierNames           tier ids to the names shown to marketers ({@code 177 → Gold}); ids without a name stay ids
 */
public record AirConfig(String clientId, String clientSecret, URI baseUrl, String triggerPath, Duration requestTimeout,
                        String currency, int basketValueDecimals, Map<String, String> tierNames) {
    public AirConfig {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(triggerPath, "triggerPath");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        tierNames = tierNames == null ? Map.of() : Map.copyOf(tierNames);
    }

    /** {@code <base_url><trigger_path>}. */
    public URI triggerUrl() {
        return URI.create(baseUrl + triggerPath);
    }

    /** The name of tier {@code tierId} from {@code tier_names}, else the id itself; null for null. */
    public String tierName(String tierId) {
        return tierId == null ? null : tierNames.getOrDefault(tierId, tierId);
    }

    @Override
    public String toString() {
        return "AirConfig[clientId=****, clientSecret=****, baseUrl=" + baseUrl + ", triggerPath=" + triggerPath
                + ", requestTimeout=" + requestTimeout + ", currency=" + currency + ", basketValueDecimals=" + basketValueDecimals
                + ", tierNames=" + tierNames + "]";
    }
}

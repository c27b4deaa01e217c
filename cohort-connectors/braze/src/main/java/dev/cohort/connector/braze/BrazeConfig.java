package dev.cohort.connector.braze;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A configured Braze platform. Immutable; its {@code toString} never shows the API key.
 *
 * @param apiKey             the REST API key ({@code Authorization: Bearer …}), with the {@code users.track} permission
 * @param restEndpoint       the instance's REST endpoint without a trailing slash ({@code https://rest.iad-01.braze.com})
 * @param batchSize          the most objects per request, counted as {@code batchCounting} says (1 to 75)
 * @param batchCounting      whether {@code batchSize} counts all objects of a request together or each array on its own
 * @param requestTimeout     how long one request may take until Braze's answer arrives
 * @param mapping            event names, attributes and property names
 * @param purchaseProductId  the {@code product_id} of the purchase sent for a completed or fulfilled order; null sends none
 * @param updateExistingOnly sends {@code _update_existing_only: true}: Braze then creates no profile for an unknown external_id
 */
public record BrazeConfig(String apiKey, URI restEndpoint, int batchSize, BatchCounting batchCounting, Duration requestTimeout,
                          BrazeMapping mapping, String purchaseProductId, boolean updateExistingOnly) {
    /** The endpoint's path under the REST endpoint. */
    public static final String USERS_TRACK_PATH = "/users/track";

    public BrazeConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(restEndpoint, "restEndpoint");
        Objects.requireNonNull(batchCounting, "batchCounting");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(mapping, "mapping");
        if (batchSize < 1 || batchSize > BrazeSettings.MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize is 1 to " + BrazeSettings.MAX_BATCH_SIZE);
        }
    }

    /** {@code <rest_endpoint>/users/track}. */
    public URI usersTrackUrl() {
        return URI.create(restEndpoint + USERS_TRACK_PATH);
    }

    @Override
    public String toString() {
        return "BrazeConfig[apiKey=****, restEndpoint=" + restEndpoint + ", batchSize=" + batchSize + ", batchCounting="
                + batchCounting.settingValue() + ", requestTimeout=" + requestTimeout + ", mapping=" + mapping + ", purchaseProductId="
                + purchaseProductId + ", updateExistingOnly=" + updateExistingOnly + "]";
    }
}

package dev.cohort.sandbox.braze;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A purchase as the stand-in received and kept it.
 *
 * @param productId its {@code product_id}
 * @param currency its {@code currency} (ISO 4217)
 * @param price its {@code price}
 * @param quantity its {@code quantity} (1 when not sent)
 * @param time its {@code time}
 * @param properties its {@code properties} as plain Java values; empty when none
 * @param receivedAt when the stand-in took it, by its clock
 */
public record BrazePurchase(String productId, String currency, BigDecimal price, int quantity, Instant time,
                            Map<String, Object> properties, Instant receivedAt) {
    public BrazePurchase {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(time, "time");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

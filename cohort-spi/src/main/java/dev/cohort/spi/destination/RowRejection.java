package dev.cohort.spi.destination;

import java.util.Objects;

/**
 * A row a destination cannot take, and why — never with the row's values, which may be PII.
 *
 * @param rowNumber the row's number in the delivery (from 1)
 * @param reason    "field id: contains a comma, which CrowdTwist files cannot hold (no field enclosure)"
 */
public record RowRejection(long rowNumber, String reason) {
    public RowRejection {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "row " + rowNumber + ": " + reason;
    }
}

package dev.cohort.testing.conformance;

import java.util.Map;

/**
 * A configuration under which the destination must reject a row, and that row.
 *
 * @param settingOverrides settings that replace or add to the valid ones ({@code quote_mode: none})
 * @param rejectedRow      a row the destination cannot take under them, in the suite's field order
 */
public record RejectionCase(Map<String, Object> settingOverrides, String[] rejectedRow) {
    public RejectionCase {
        settingOverrides = Map.copyOf(settingOverrides);
        rejectedRow = rejectedRow.clone();
    }

    @Override
    public String[] rejectedRow() {
        return rejectedRow.clone();
    }
}

package dev.cohort.connector.warehouse;

import java.util.HashMap;
import java.util.Map;

/** The conformance suite again with {@code mode: append}: the table is created by the delivery, inside its transaction. */
class WarehouseTableAppendIT extends WarehouseTableIT {
    @Override
    protected Map<String, Object> validSettings() {
        Map<String, Object> settings = new HashMap<>(super.validSettings());
        settings.put("mode", "append");
        return settings;
    }
}

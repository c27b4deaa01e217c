package dev.cohort.runtime.workspace;

import dev.cohort.model.Location;
import dev.cohort.runtime.store.ObjectKind;
import java.util.HashMap;
import java.util.Map;

/** Where each object of a workspace was declared, so later checks can point at the right line. */
public final class SourceMap {
    private final Map<String, Location> locations = new HashMap<>();

    void put(ObjectKind kind, String name, Location location) {
        locations.put(key(kind, name), location);
    }

    /** The declaration's location, or a key-only location when unknown (e.g. an object from the store). */
    public Location locate(ObjectKind kind, String name) {
        return locations.getOrDefault(key(kind, name), Location.key(sectionKey(kind) + "." + name));
    }

    static String sectionKey(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> "tables";
            case QUERY -> "queries";
            case DATA_TEMPLATE -> "data_templates";
            case CREDENTIAL -> "credentials";
            case NOTIFICATION_CHANNEL -> "notifications";
            case DESTINATION -> "destinations";
            case ORCHESTRATION -> "orchestrations";
            case EVENT_CONNECTOR -> "event_connectors";
        };
    }

    private static String key(ObjectKind kind, String name) {
        return kind.name() + ":" + name;
    }
}

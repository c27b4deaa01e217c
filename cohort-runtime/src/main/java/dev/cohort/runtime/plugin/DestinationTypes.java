package dev.cohort.runtime.plugin;

import dev.cohort.spi.destination.DestinationType;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The destination types on the class path, found with {@link ServiceLoader}. Immutable and thread-safe. */
public final class DestinationTypes {
    private final Map<String, DestinationType<?>> types;

    private DestinationTypes(Map<String, DestinationType<?>> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    public static DestinationTypes load() {
        return load(DestinationTypes.class.getClassLoader());
    }

    public static DestinationTypes load(ClassLoader loader) {
        Map<String, DestinationType<?>> types = new TreeMap<>();
        for (DestinationType<?> type : ServiceLoader.load(DestinationType.class, loader)) {
            DestinationType<?> previous = types.put(type.spec().type(), type);
            if (previous != null) {
                throw new IllegalStateException("two plugins declare destination type '" + type.spec().type() + "': "
                        + previous.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        return new DestinationTypes(types);
    }

    public static DestinationTypes of(DestinationType<?>... types) {
        Map<String, DestinationType<?>> map = new TreeMap<>();
        for (DestinationType<?> type : types) {
            map.put(type.spec().type(), type);
        }
        return new DestinationTypes(map);
    }

    public Optional<DestinationType<?>> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public Set<String> names() {
        return types.keySet();
    }
}

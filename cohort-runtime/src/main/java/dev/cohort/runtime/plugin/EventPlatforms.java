package dev.cohort.runtime.plugin;

import dev.cohort.spi.event.LoyaltyPlatform;
import dev.cohort.spi.event.MarketingPlatform;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The loyalty and marketing platforms on the class path, found with {@link ServiceLoader}. Immutable and thread-safe. */
public final class EventPlatforms {
    private final Map<String, LoyaltyPlatform<?>> loyalty;
    private final Map<String, MarketingPlatform<?>> marketing;

    private EventPlatforms(Map<String, LoyaltyPlatform<?>> loyalty, Map<String, MarketingPlatform<?>> marketing) {
        this.loyalty = Collections.unmodifiableMap(loyalty);
        this.marketing = Collections.unmodifiableMap(marketing);
    }

    public static EventPlatforms load() {
        ClassLoader loader = EventPlatforms.class.getClassLoader();
        Map<String, LoyaltyPlatform<?>> loyalty = new TreeMap<>();
        for (LoyaltyPlatform<?> platform : ServiceLoader.load(LoyaltyPlatform.class, loader)) {
            unique(loyalty.put(platform.spec().name(), platform), platform, "loyalty platform " + platform.spec().name());
        }
        Map<String, MarketingPlatform<?>> marketing = new TreeMap<>();
        for (MarketingPlatform<?> platform : ServiceLoader.load(MarketingPlatform.class, loader)) {
            unique(marketing.put(platform.spec().name(), platform), platform, "marketing platform " + platform.spec().name());
        }
        return new EventPlatforms(loyalty, marketing);
    }

    /** Only these platforms: for tests. */
    public static EventPlatforms of(Map<String, LoyaltyPlatform<?>> loyalty, Map<String, MarketingPlatform<?>> marketing) {
        return new EventPlatforms(new TreeMap<>(loyalty), new TreeMap<>(marketing));
    }

    private static void unique(Object previous, Object platform, String what) {
        if (previous != null) {
            throw new IllegalStateException("two plugins declare " + what + ": " + previous.getClass().getName() + " and "
                    + platform.getClass().getName());
        }
    }

    public Optional<LoyaltyPlatform<?>> loyalty(String name) {
        return Optional.ofNullable(loyalty.get(name));
    }

    public Optional<MarketingPlatform<?>> marketing(String name) {
        return Optional.ofNullable(marketing.get(name));
    }

    public Set<String> loyaltyNames() {
        return loyalty.keySet();
    }

    public Set<String> marketingNames() {
        return marketing.keySet();
    }
}

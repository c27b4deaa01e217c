package dev.cohort.runtime.event;

import dev.cohort.model.EventConnectorDefinition;
import dev.cohort.model.EventConnectorDefinition.Direction;
import dev.cohort.runtime.plugin.EventPlatforms;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.ObjectRepository;
import dev.cohort.runtime.store.StoredObject;
import dev.cohort.runtime.workspace.CredentialVault;
import dev.cohort.runtime.workspace.SpecCodec;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.event.LoyaltyPlatform;
import dev.cohort.spi.event.MarketingPlatform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's applied event connectors, bound and ready, as of the last {@link #refresh()}: a connector whose
 * platform is not installed, whose credential is gone or whose settings its platform refuses cannot work, and says
 * why. Thread-safe: a refresh replaces the whole set at once.
 */
public final class EventConnectors {
    private static final Logger LOG = LoggerFactory.getLogger(EventConnectors.class);

    private final ObjectRepository objects;
    private final CredentialVault vault;
    private final EventPlatforms platforms;
    private volatile Map<String, Binding> bindings = Map.of();

    public EventConnectors(ObjectRepository objects, CredentialVault vault, EventPlatforms platforms) {
        this.objects = objects;
        this.vault = vault;
        this.platforms = platforms;
        refresh();
    }

    /** A connector, or why it cannot work. */
    public sealed interface Binding {
        EventConnectorDefinition definition();

        record Ready(BoundConnector connector) implements Binding {
            @Override
            public EventConnectorDefinition definition() {
                return connector.definition();
            }
        }

        record Broken(EventConnectorDefinition definition, String reason) implements Binding {}
    }

    /** Reads the applied connectors again (an apply may have changed them). */
    public void refresh() {
        Map<String, Binding> fresh = new LinkedHashMap<>();
        for (StoredObject stored : objects.list(ObjectKind.EVENT_CONNECTOR)) {
            EventConnectorDefinition definition;
            try {
                definition = (EventConnectorDefinition) SpecCodec.decode(ObjectKind.EVENT_CONNECTOR, stored.name(), stored.specJson());
            } catch (CohortException e) {
                LOG.warn("event connector {} cannot be read: {}", stored.name(), e.getMessage());
                continue;
            }
            Binding previous = bindings.get(definition.name());
            fresh.put(definition.name(), bind(definition, previous));
        }
        bindings = Collections.unmodifiableMap(fresh);
    }

    private Binding bind(EventConnectorDefinition definition, Binding previous) {
        Optional<LoyaltyPlatform<?>> loyalty = platforms.loyalty(definition.loyaltyPlatform());
        if (loyalty.isEmpty()) {
            return broken(definition, previous, "loyalty platform '" + definition.loyaltyPlatform() + "' is not installed"
                    + " (installed: " + String.join(", ", platforms.loyaltyNames()) + ")");
        }
        MarketingPlatform<?> marketing = null;
        if (definition.direction() == Direction.OUT) {
            Optional<MarketingPlatform<?>> found = platforms.marketing(definition.platform());
            if (found.isEmpty()) {
                return broken(definition, previous, "platform '" + definition.platform() + "' is not installed (installed: "
                        + String.join(", ", platforms.marketingNames()) + ")");
            }
            marketing = found.get();
        }
        try {
            Map<String, String> loyaltySecrets = secrets(definition.loyaltyCredential());
            Map<String, String> marketingSecrets = definition.credential() == null ? Map.of() : secrets(definition.credential());
            String externalKey = secrets(definition.externalKey()).get(EventConnectorDefinition.EXTERNAL_KEY);
            if (externalKey == null || externalKey.isEmpty()) {
                return broken(definition, previous, "credential " + definition.externalKey() + " has no value '"
                        + EventConnectorDefinition.EXTERNAL_KEY + "'");
            }
            return new Binding.Ready(BoundConnector.bind(definition, loyalty.get(), loyaltySecrets, marketing, marketingSecrets,
                    externalKey));
        } catch (ConfigException e) {
            return broken(definition, previous, "its settings are refused: " + e.getMessage());
        } catch (CohortException e) {
            return broken(definition, previous, e.getMessage());
        }
    }

    private Map<String, String> secrets(String credential) {
        StoredObject stored = objects.find(ObjectKind.CREDENTIAL, credential).orElseThrow(() -> new CohortException(
                dev.cohort.spi.ErrorCode.user("CREDENTIAL_MISSING"), "credential " + credential + " does not exist"));
        return stored.sealedSecret() == null ? Map.of() : vault.open(credential, stored.sealedSecret());
    }

    private static Binding broken(EventConnectorDefinition definition, Binding previous, String reason) {
        if (!(previous instanceof Binding.Broken same && same.reason().equals(reason))) {
            LOG.warn("event connector {} cannot work: {}", definition.name(), reason);
        }
        return new Binding.Broken(definition, reason);
    }

    public Optional<Binding> find(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /**
     * As {@link #find}, reading the applied connectors again first when {@code name} is not known (a connector just
     * applied or written through the API) — at most once a second, so unknown names cannot make the store busy.
     */
    public Optional<Binding> findFresh(String name) {
        Optional<Binding> known = find(name);
        if (known.isPresent()) {
            return known;
        }
        long now = System.nanoTime();
        long last = lastMissRefresh.get();
        if (now - last > 1_000_000_000L && lastMissRefresh.compareAndSet(last, now)) {
            refresh();
        }
        return find(name);
    }

    private final java.util.concurrent.atomic.AtomicLong lastMissRefresh = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - 2_000_000_000L);

    public List<Binding> all() {
        return new ArrayList<>(bindings.values());
    }

    /** The connectors that can work. */
    public List<BoundConnector> ready() {
        return bindings.values().stream().filter(Binding.Ready.class::isInstance).map(b -> ((Binding.Ready) b).connector()).toList();
    }
}

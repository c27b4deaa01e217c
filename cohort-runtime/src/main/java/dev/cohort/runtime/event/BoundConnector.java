package dev.cohort.runtime.event;

import dev.cohort.model.EventConnectorDefinition;
import dev.cohort.model.EventConnectorDefinition.Direction;
import dev.cohort.runtime.run.RequestGates;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.event.DeliveryOutcome;
import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.LoyaltyPlatform;
import dev.cohort.spi.event.MarketingPlatform;
import dev.cohort.spi.event.Trigger;
import dev.cohort.spi.event.TriggerResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event connector ready to work: its definition, its loyalty platform and (for {@code out}) its marketing
 * platform bound to their typed configuration, the external key callers must send, and the request permits of
 * each platform's credential. Immutable and thread-safe; {@link #toString()} shows no secret.
 */
public final class BoundConnector {
    private final EventConnectorDefinition definition;
    private final LoyaltySide<?> loyalty;
    private final MarketingSide<?> marketing;
    private final byte[] externalKey;

    private BoundConnector(EventConnectorDefinition definition, LoyaltySide<?> loyalty, MarketingSide<?> marketing,
                           String externalKey) {
        this.definition = definition;
        this.loyalty = loyalty;
        this.marketing = marketing;
        this.externalKey = externalKey.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Binds {@code definition} with its credentials' values.
     *
     * @throws dev.cohort.spi.config.ConfigException with every problem of a platform's settings
     */
    public static BoundConnector bind(EventConnectorDefinition definition, LoyaltyPlatform<?> loyaltyPlatform,
                                      Map<String, String> loyaltySecrets, MarketingPlatform<?> marketingPlatform,
                                      Map<String, String> marketingSecrets, String externalKey) {
        Objects.requireNonNull(externalKey, "externalKey");
        LoyaltySide<?> loyalty = LoyaltySide.bind(loyaltyPlatform, definition.loyaltySettings(), loyaltySecrets,
                definition.loyaltyPlatform() + "|credential:" + definition.loyaltyCredential());
        MarketingSide<?> marketing = definition.direction() == Direction.OUT
                ? MarketingSide.bind(Objects.requireNonNull(marketingPlatform, "marketingPlatform"), definition.settings(),
                marketingSecrets, definition.platform() + "|credential:" + definition.credential())
                : null;
        return new BoundConnector(definition, loyalty, marketing, externalKey);
    }

    public EventConnectorDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    /** Whether {@code token} is the connector's external key, compared in constant time. */
    public boolean acceptsToken(String token) {
        return token != null && MessageDigest.isEqual(externalKey, token.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a loyalty platform notification (see {@link LoyaltyPlatform#readNotification}). */
    public Optional<LoyaltyEvent> readNotification(byte[] body) {
        return loyalty.readNotification(body);
    }

    /** Whether the connector forwards {@code event}: a known kind, and among its {@code events} when it names some. */
    public boolean forwards(LoyaltyEvent event) {
        if (definition.events().isEmpty()) {
            return event.kind() != LoyaltyEvent.Kind.OTHER;
        }
        return definition.events().stream().anyMatch(name -> name.equalsIgnoreCase(event.eventName()));
    }

    /** Asks the loyalty platform to reward (see {@link LoyaltyPlatform#trigger}). */
    public TriggerResult trigger(Trigger trigger) throws InterruptedException {
        return loyalty.trigger(trigger);
    }

    /** Sends events to the marketing platform (see {@link MarketingPlatform#send}); only for {@code out}. */
    public List<DeliveryOutcome> send(List<MarketingPlatform.AddressedEvent> events) throws InterruptedException {
        if (marketing == null) {
            throw new IllegalStateException("connector " + name() + " does not send to a marketing platform");
        }
        return marketing.send(events);
    }

    /** How many events one delivery takes: the marketing platform's batch for {@code out}, one trigger at a time for {@code in}. */
    public int batchSize() {
        return marketing == null ? 1 : marketing.platform().spec().maxBatch();
    }

    @Override
    public String toString() {
        return "BoundConnector[" + definition.name() + ", " + definition.direction().keyword() + ", " + definition.platform() + "]";
    }

    private record LoyaltySide<C extends Record>(LoyaltyPlatform<C> platform, C config, RequestPermits permits) {
        static <C extends Record> LoyaltySide<C> bind(LoyaltyPlatform<C> platform, Map<String, Object> settings,
                                                      Map<String, String> secrets, String rateKey) {
            C config = platform.configure(new Settings(platform.spec().settings(), settings, secrets));
            return new LoyaltySide<>(platform, config, RequestGates.shared().permits(platform.spec().rateLimit(), rateKey));
        }

        Optional<LoyaltyEvent> readNotification(byte[] body) {
            return platform.readNotification(config, body);
        }

        TriggerResult trigger(Trigger trigger) throws InterruptedException {
            return platform.trigger(config, trigger, permits);
        }
    }

    private record MarketingSide<C extends Record>(MarketingPlatform<C> platform, C config, RequestPermits permits) {
        static <C extends Record> MarketingSide<C> bind(MarketingPlatform<C> platform, Map<String, Object> settings,
                                                        Map<String, String> secrets, String rateKey) {
            C config = platform.configure(new Settings(platform.spec().settings(), settings, secrets));
            return new MarketingSide<>(platform, config, RequestGates.shared().permits(platform.spec().rateLimit(), rateKey));
        }

        List<DeliveryOutcome> send(List<MarketingPlatform.AddressedEvent> events) throws InterruptedException {
            return platform.send(config, events, permits);
        }
    }
}

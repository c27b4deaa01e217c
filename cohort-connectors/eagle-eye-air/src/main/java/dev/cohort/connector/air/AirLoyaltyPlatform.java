package dev.cohort.connector.air;

import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.event.EventPlatformSpec;
import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.LoyaltyPlatform;
import dev.cohort.spi.event.Trigger;
import dev.cohort.spi.event.TriggerResult;
import java.util.Optional;

/**
 * Eagle Eye AIR as an event connector's loyalty platform ({@code eagle-eye-air}): AIR's event notifications, posted
 * by AIR (or EE Connect) to {@code /out/eagle-eye-air/<connector>}, are read into {@link LoyaltyEvent}s — wallet,
 * consumer, account, plan, POS purchase, refund and points spend, tier and coupon redemption events, each with its
 * facts and the consumer's identities — and {@link Trigger}s become signed {@code POST /services/trigger} calls
 * that run behavioural actions for a consumer. Stateless and thread-safe; found with {@code ServiceLoader}.
 */
public final class AirLoyaltyPlatform implements LoyaltyPlatform<AirConfig> {
    /** The platform's name in workspaces and URLs. */
    public static final String NAME = "eagle-eye-air";
    private static final EventPlatformSpec SPEC = new EventPlatformSpec(NAME, "Eagle Eye AIR", AirSettings.CREDENTIAL_TYPE,
            AirSettings.SETTINGS, AirSettings.SECRETS, null, 1);

    @Override
    public EventPlatformSpec spec() {
        return SPEC;
    }

    @Override
    public AirConfig configure(Settings settings) {
        return AirSettings.bind(settings);
    }

    @Override
    public Optional<LoyaltyEvent> readNotification(AirConfig config, byte[] body) {
        return EnvelopeReader.read(body).map(envelope -> {
            Optional<AirEventType> type = AirEventType.of(envelope.headers().eventName());
            EventFacts facts = new EventFacts(envelope, config, type.map(AirEventType::kind).orElse(LoyaltyEvent.Kind.OTHER));
            Extractors.common(facts);
            type.map(AirEventType::extractor).orElse(Extractors::other).extract(facts);
            facts.kind = Extractors.kindWithRedemption(facts.kind, !facts.coupons.isEmpty());
            return facts.build();
        });
    }

    @Override
    public TriggerResult trigger(AirConfig config, Trigger trigger, RequestPermits permits) throws InterruptedException {
        return new TriggerCall(config).send(trigger, permits);
    }
}

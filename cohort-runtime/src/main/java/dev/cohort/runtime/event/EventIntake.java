package dev.cohort.runtime.event;

import dev.cohort.model.EventConnectorDefinition.Direction;
import dev.cohort.runtime.store.EventRepository;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.NotificationRejectedException;
import dev.cohort.spi.event.Trigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes what arrives on a connector's endpoint: finds the connector, checks the caller's {@code X-Auth-Token},
 * reads the request (every problem by JSON path), and stores the event durably — only then may the caller be
 * answered 200. A duplicate (an event key the connector already has) is answered as accepted and stored once.
 * Events of a type the connector does not forward are kept as ignored and counted. Events arriving together are
 * committed together ({@link GroupCommit}): one disk flush for a group, each caller answered once its event is in.
 */
public final class EventIntake implements AutoCloseable {
    public static final ErrorCode CONNECTOR_NOT_FOUND = ErrorCode.user("EVENT_CONNECTOR_NOT_FOUND");
    public static final ErrorCode AUTH_FAILED = ErrorCode.user("EVENT_AUTH_FAILED");
    public static final ErrorCode CONNECTOR_UNAVAILABLE = new ErrorCode("EVENT_CONNECTOR_UNAVAILABLE", ErrorKind.INTERNAL);

    private final EventConnectors connectors;
    private final Listener accepted;
    private final GroupCommit commits;

    /** Told of each event stored for delivery, once it is committed. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param eventId   the stored event's id
         * @param connector the connector that took it
         * @param read      what the loyalty platform read of a notification ({@code out}); null for a trigger ({@code in})
         */
        void accepted(long eventId, BoundConnector connector, LoyaltyEvent read);
    }

    /** @param accepted told after each event stored for delivery ({@link EventDispatcher#accepted}: wakes its loops) */
    public EventIntake(EventConnectors connectors, EventRepository events, Clock clock, Listener accepted) {
        this.connectors = connectors;
        this.accepted = accepted;
        this.commits = new GroupCommit(events, clock);
    }

    /**
     * What storing did.
     *
     * @param eventId   the stored event's id (the first one's, for a duplicate)
     * @param duplicate the connector already had this event: nothing new was stored
     * @param ignored   kept, but not for delivery: an event type the connector does not forward
     */
    public record Result(long eventId, String eventType, boolean duplicate, boolean ignored) {}

    /**
     * Accepts one request on {@code /<direction>/<platform>/<connector>}.
     *
     * @throws CohortException {@link #CONNECTOR_NOT_FOUND}, {@link #AUTH_FAILED}, {@link #CONNECTOR_UNAVAILABLE}
     * @throws NotificationRejectedException with every problem of the request
     */
    public Result accept(Direction direction, String platform, String connectorName, String token, byte[] body) {
        EventConnectors.Binding binding = connectors.findFresh(connectorName)
                .filter(b -> b.definition().direction() == direction && b.definition().platform().equals(platform))
                .orElseThrow(() -> new CohortException(CONNECTOR_NOT_FOUND, "there is no event connector '" + connectorName
                        + "' for /" + direction.keyword() + "/" + platform));
        if (binding instanceof EventConnectors.Binding.Broken broken) {
            throw new CohortException(CONNECTOR_UNAVAILABLE, "event connector " + connectorName + " cannot take events: "
                    + broken.reason());
        }
        BoundConnector connector = ((EventConnectors.Binding.Ready) binding).connector();
        if (!connector.acceptsToken(token)) {
            throw new CohortException(AUTH_FAILED, token == null || token.isEmpty()
                    ? "the X-Auth-Token header is missing: send the connector's external key in it"
                    : "the X-Auth-Token header is not event connector " + connectorName + "'s external key");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        LoyaltyEvent[] read = new LoyaltyEvent[1];
        EventRepository.NewEvent event = switch (direction) {
            case OUT -> {
                Optional<LoyaltyEvent> notification = connector.readNotification(body);
                if (notification.isEmpty()) {
                    yield null;
                }
                LoyaltyEvent loyalty = notification.get();
                read[0] = loyalty;
                yield new EventRepository.NewEvent(connectorName, direction.name(), loyalty.eventId(),
                        loyalty.walletId() != null ? "wallet:" + loyalty.walletId() : "event:" + loyalty.eventId(),
                        loyalty.eventName(), payload, !connector.forwards(loyalty));
            }
            case IN -> {
                Trigger trigger = TriggerRequests.read(body);
                yield new EventRepository.NewEvent(connectorName, direction.name(), trigger.transactionReference(),
                        "consumer:" + digest(trigger.identityValue()), TriggerRequests.TYPE, payload, false);
            }
        };
        if (event == null) {
            return new Result(0, "none", false, true);
        }
        EventRepository.Accepted stored = commits.accept(event);
        if (!stored.duplicate() && !event.ignored()) {
            accepted.accepted(stored.id(), connector, read[0]);
        }
        return new Result(stored.id(), event.eventType(), stored.duplicate(), event.ignored());
    }

    /** Stores what is waiting, then stops taking events. */
    @Override
    public void close() {
        commits.close();
    }

    /** A consumer's ordering key that does not keep the identity value itself (PII). */
    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

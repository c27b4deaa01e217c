package dev.cohort.connector.braze;

import dev.cohort.spi.Causes;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.RateLimit;
import dev.cohort.spi.destination.RequestPermits;
import dev.cohort.spi.event.DeliveryOutcome;
import dev.cohort.spi.event.EventPlatformSpec;
import dev.cohort.spi.event.LoyaltyEvent;
import dev.cohort.spi.event.MarketingPlatform;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Braze as the marketing platform of an event connector ({@code platform: braze}): each loyalty event becomes a Braze
 * custom event, an attributes object (points balance, tier) and — optionally — a purchase of the user whose
 * {@code external_id} the runtime found, sent to {@code POST <rest_endpoint>/users/track} in as few requests as
 * {@code batch_size} allows. Before each request it waits while Braze's rate-limit window for the API key is used up
 * ({@link RateLimitPacer}) and takes a permit of the runtime; Braze's answer decides each event's outcome, a non-fatal
 * {@code errors[]} entry rejecting only the event whose object it names. Found with {@code ServiceLoader}; stateless
 * apart from the pacers, and thread-safe.
 */
public final class BrazeMarketingPlatform implements MarketingPlatform<BrazeConfig> {
    private static final Logger LOG = LoggerFactory.getLogger(BrazeMarketingPlatform.class);
    /** The platform's name in workspaces and URLs. */
    public static final String NAME = "braze";
    /** Braze's documented limit for {@code /users/track}: 3,000 requests per 3 seconds per workspace. */
    public static final RateLimit RATE_LIMIT = new RateLimit(3000, Duration.ofSeconds(3));
    /** The most events one {@code send} takes: Braze's 75 objects per array. */
    public static final int MAX_BATCH = BrazeSettings.MAX_BATCH_SIZE;
    /** The longest wait for Braze's rate-limit window inside a send; a longer one gives the events back as retries. */
    public static final Duration MAX_PACING_WAIT = Duration.ofSeconds(10);

    private static final EventPlatformSpec SPEC = new EventPlatformSpec(NAME, "Braze", BrazeSettings.CREDENTIAL_TYPE,
            BrazeSettings.SETTINGS, BrazeSettings.SECRETS, RATE_LIMIT, MAX_BATCH);

    private final UsersTrackClient client;
    private final RateLimitPacers pacers;
    private final InstantSource clock;
    private final long maxRequestBytes;

    public BrazeMarketingPlatform() {
        this(UsersTrackClient.SHARED, RateLimitPacers.SHARED, InstantSource.system(), Batching.MAX_REQUEST_BYTES);
    }

    /** For tests: an own HTTP client, pacers, clock and request size limit. */
    BrazeMarketingPlatform(HttpClient http, RateLimitPacers pacers, InstantSource clock, long maxRequestBytes) {
        this.client = new UsersTrackClient(http);
        this.pacers = pacers;
        this.clock = clock;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public EventPlatformSpec spec() {
        return SPEC;
    }

    @Override
    public BrazeConfig configure(Settings settings) {
        return BrazeSettings.bind(settings);
    }

    @Override
    public List<DeliveryOutcome> send(BrazeConfig config, List<AddressedEvent> events, RequestPermits permits) throws InterruptedException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(permits, "permits");
        return new Delivery(config, events, permits).run();
    }

    /** One {@code send}: its events' outcomes, filled in request by request. */
    private final class Delivery {
        private final BrazeConfig config;
        private final List<AddressedEvent> events;
        private final RequestPermits permits;
        private final RateLimitPacer pacer;
        private final DeliveryOutcome[] outcomes;
        private final List<String> externalIds = new ArrayList<>();
        /** Once set, the outcome of every event not yet sent: after a failure that later requests would meet too. */
        private DeliveryOutcome stop;

        Delivery(BrazeConfig config, List<AddressedEvent> events, RequestPermits permits) {
            this.config = config;
            this.events = List.copyOf(events);
            this.permits = permits;
            this.pacer = pacers.forKey(config);
            this.outcomes = new DeliveryOutcome[this.events.size()];
        }

        List<DeliveryOutcome> run() throws InterruptedException {
            List<TrackRequest.Item> items = new ArrayList<>();
            for (int position = 0; position < events.size(); position++) {
                AddressedEvent addressed = events.get(position);
                LoyaltyEvent event = addressed.event();
                String externalId = addressed.externalId();
                if (externalId == null || externalId.isBlank()) {
                    outcomes[position] = new DeliveryOutcome.Rejected(BrazeErrors.NO_EXTERNAL_ID.code(), "the event has no external_id to"
                            + " send it for: the consumer has no identity of the connector's identity type");
                    continue;
                }
                externalIds.add(externalId);
                MappedEvent mapped = EventMapper.map(event, externalId, config);
                if (mapped.isEmpty()) {
                    outcomes[position] = new DeliveryOutcome.Delivered(notSent(event));
                    continue;
                }
                TrackRequest.Item item = TrackRequest.Item.of(position, mapped);
                if (!Batching.fitsAlone(item, maxRequestBytes)) {
                    outcomes[position] = new DeliveryOutcome.Rejected(BrazeErrors.PAYLOAD_TOO_LARGE.code(), "the event's Braze objects take "
                            + item.bytes() + " bytes, more than one request may (" + maxRequestBytes + "): leave large further"
                            + " properties out with the properties setting (name=-)");
                    continue;
                }
                items.add(item);
            }
            Deque<TrackRequest> requests = new ArrayDeque<>(Batching.requests(items, config, maxRequestBytes));
            while (!requests.isEmpty()) {
                TrackRequest request = requests.removeFirst();
                if (stop != null) {
                    give(request.items(), stop);
                } else {
                    send(request, requests);
                }
            }
            return List.of(outcomes); // every event has its outcome by now
        }

        private void send(TrackRequest request, Deque<TrackRequest> requests) throws InterruptedException {
            Duration blocked = pacer.awaitTurn(MAX_PACING_WAIT);
            if (blocked != null) {
                stopAll(request, new DeliveryOutcome.Retry(BrazeErrors.RATE_LIMITED.code() + ": not sent: Braze's rate limit for this API"
                        + " key is used up for another " + seconds(blocked) + " (X-RateLimit-Remaining 0); retried when it resets", blocked));
                return;
            }
            permits.acquire();
            UsersTrackClient.Answer answer;
            Instant sent = clock.instant();
            try {
                answer = client.post(config, request.body());
            } catch (IOException e) {
                DeliveryOutcome failure = connectionFailure(e);
                LOG.debug("Braze {}: {} events not delivered: {}", config.restEndpoint(), request.items().size(), failure);
                stopAll(request, failure);
                return;
            }
            Instant now = clock.instant();
            LOG.debug("Braze {}: {} events answered {} in {} ms", config.restEndpoint(), request.items().size(), answer.status(),
                    Duration.between(sent, now).toMillis());
            RateLimitHeaders limits = RateLimitHeaders.of(answer.headers(), now);
            pacer.observe(limits);
            int status = answer.status();
            TrackAnswer body = TrackAnswer.parse(answer.body());
            if (status / 100 == 2) {
                accepted(request, body);
            } else if (status == 400) {
                refused(request, body, requests);
            } else if (status == 401 || status == 403) {
                stopAll(request, new DeliveryOutcome.Rejected(BrazeErrors.UNAUTHORIZED.code(), "Braze refused the API key (" + status
                        + said(body) + "): check credential value api_key — a REST API key of this Braze workspace with the"
                        + " users.track permission, for the instance of rest_endpoint (" + config.restEndpoint() + ")"));
            } else if (status == 413) {
                tooLarge(request, requests);
            } else if (status == 429) {
                Duration wait = limits.waitFrom(now);
                if (wait != null) {
                    pacer.exhaustedUntil(now.plus(wait));
                }
                stopAll(request, new DeliveryOutcome.Retry(BrazeErrors.RATE_LIMITED.code() + ": Braze answered 429 (rate limited"
                        + said(body) + ")" + (limits.limit() == null ? "" : " at its limit of " + limits.limit() + " requests")
                        + "; retried " + (wait == null ? "with back-off" : "in " + seconds(wait))
                        + " (another system may use the same API key)", wait));
            } else if (status >= 500 || status == 408) {
                stopAll(request, new DeliveryOutcome.Retry(BrazeErrors.UNAVAILABLE.code() + ": Braze answered " + status + said(body)
                        + ": it failed or is unavailable; retried " + (limits.retryAfter() == null ? "with back-off"
                        : "in " + seconds(limits.retryAfter())), limits.retryAfter()));
            } else {
                stopAll(request, new DeliveryOutcome.Rejected(BrazeErrors.UNEXPECTED_ANSWER.code(), "Braze answered " + status + said(body)
                        + " to POST " + config.usersTrackUrl() + ": check rest_endpoint (the REST endpoint of the Braze instance,"
                        + " e.g. https://rest.iad-01.braze.com)"));
            }
        }

        /** A 2xx: every event is delivered but those whose objects Braze names in {@code errors[]}. */
        private void accepted(TrackRequest request, TrackAnswer body) {
            Map<TrackRequest.Item, List<TrackAnswer.ObjectError>> refusedObjects = new LinkedHashMap<>();
            List<String> unattributed = new ArrayList<>(body.otherErrors());
            for (TrackAnswer.ObjectError error : body.objectErrors()) {
                TrackRequest.Item owner = request.owner(error.array(), error.index());
                if (owner == null) {
                    unattributed.add(error.text() + " (" + error.array().field + "[" + error.index() + "])");
                } else {
                    refusedObjects.computeIfAbsent(owner, item -> new ArrayList<>()).add(error);
                }
            }
            for (TrackRequest.Item item : request.items()) {
                List<TrackAnswer.ObjectError> errors = refusedObjects.get(item);
                if (errors != null) {
                    outcomes[item.position()] = new DeliveryOutcome.Rejected(BrazeErrors.OBJECT_REJECTED.code(), objectsRefused(item, errors)
                            + ": fix the mapping or the data, then replay the event (a replay sends the parts Braze recorded again)");
                } else {
                    StringBuilder detail = new StringBuilder("Braze recorded ").append(item.mapped().summary());
                    item.mapped().notes().forEach(note -> detail.append("; ").append(note));
                    if (!unattributed.isEmpty()) {
                        detail.append("; Braze reported for the request, naming no event: ").append(unattributed.stream()
                                .map(this::quoted).collect(Collectors.joining(", ")));
                    }
                    if (!body.success() && !body.message().isBlank()) {
                        detail.append("; Braze said ").append(quoted(body.message()));
                    }
                    outcomes[item.position()] = new DeliveryOutcome.Delivered(detail.toString());
                }
            }
        }

        /** A 400: nothing was recorded. The events Braze names are rejected and the others sent again at once; if it names none, all are rejected. */
        private void refused(TrackRequest request, TrackAnswer body, Deque<TrackRequest> requests) {
            Map<TrackRequest.Item, List<TrackAnswer.ObjectError>> named = new LinkedHashMap<>();
            for (TrackAnswer.ObjectError error : body.objectErrors()) {
                TrackRequest.Item owner = request.owner(error.array(), error.index());
                if (owner != null) {
                    named.computeIfAbsent(owner, item -> new ArrayList<>()).add(error);
                }
            }
            if (!named.isEmpty()) {
                List<TrackRequest.Item> others = new ArrayList<>();
                for (TrackRequest.Item item : request.items()) {
                    List<TrackAnswer.ObjectError> errors = named.get(item);
                    if (errors == null) {
                        others.add(item);
                    } else {
                        outcomes[item.position()] = new DeliveryOutcome.Rejected(BrazeErrors.BAD_REQUEST.code(), "Braze refused the"
                                + " request (400) because of this event: " + objectsRefused(item, errors) + "; nothing of it was recorded:"
                                + " fix the mapping or the data, then replay it");
                    }
                }
                if (!others.isEmpty()) {
                    requests.addFirst(new TrackRequest(others)); // not recorded either: sent again, without the refused
                }
                return;
            }
            List<String> texts = new ArrayList<>();
            if (!body.message().isBlank()) {
                texts.add(body.message());
            }
            body.objectErrors().forEach(error -> texts.add(error.text()));
            texts.addAll(body.otherErrors());
            String quoted = texts.isEmpty() ? "" : " " + texts.stream().map(this::quoted).collect(Collectors.joining(", "));
            give(request.items(), new DeliveryOutcome.Rejected(BrazeErrors.BAD_REQUEST.code(), "Braze refused the request (400" + quoted
                    + "); nothing of it was recorded: check the mapping settings (event_names, attributes, properties), and"
                    + " batch_size and batch_counting if Braze says the request has too many objects; then replay"));
        }

        /** A 413: halves of the request go again; an event alone too large is rejected. */
        private void tooLarge(TrackRequest request, Deque<TrackRequest> requests) {
            if (request.items().size() > 1) {
                List<TrackRequest> halves = request.halves();
                requests.addFirst(halves.get(1));
                requests.addFirst(halves.get(0));
                return;
            }
            TrackRequest.Item item = request.items().getFirst();
            outcomes[item.position()] = new DeliveryOutcome.Rejected(BrazeErrors.PAYLOAD_TOO_LARGE.code(), "Braze answered 413 (payload"
                    + " too large) for this event alone (" + item.bytes() + " bytes): leave large further properties out with the"
                    + " properties setting (name=-)");
        }

        /** What Braze refused of an event, and what it recorded of it. */
        private String objectsRefused(TrackRequest.Item item, List<TrackAnswer.ObjectError> errors) {
            StringBuilder text = new StringBuilder("Braze refused its ");
            List<TrackRequest.Array> refused = new ArrayList<>();
            for (int i = 0; i < errors.size(); i++) {
                TrackAnswer.ObjectError error = errors.get(i);
                text.append(i == 0 ? "" : ", and its ").append(part(item, error.array())).append(" (").append(quoted(error.text())).append(')');
                refused.add(error.array());
            }
            List<String> recorded = new ArrayList<>();
            for (TrackRequest.Array array : TrackRequest.Array.values()) {
                if (item.object(array) != null && !refused.contains(array)) {
                    recorded.add(part(item, array));
                }
            }
            if (!recorded.isEmpty()) {
                text.append("; ").append(String.join(" and ", recorded)).append(recorded.size() == 1 ? " was" : " were").append(" recorded");
            }
            return text.toString();
        }

        private String part(TrackRequest.Item item, TrackRequest.Array array) {
            return switch (array) {
                case EVENTS -> "custom event " + BrazeNames.shown(item.mapped().eventName());
                case ATTRIBUTES -> "attributes (" + String.join(", ", item.mapped().attributeNames()) + ")";
                case PURCHASES -> "purchase";
            };
        }

        private void stopAll(TrackRequest request, DeliveryOutcome outcome) {
            stop = outcome;
            give(request.items(), outcome);
        }

        private void give(List<TrackRequest.Item> items, DeliveryOutcome outcome) {
            items.forEach(item -> outcomes[item.position()] = outcome);
        }

        private String said(TrackAnswer body) {
            String text = body.message().isBlank() && !body.otherErrors().isEmpty() ? body.otherErrors().getFirst() : body.message();
            return text.isBlank() ? "" : " " + quoted(text);
        }

        private String quoted(String text) {
            return "\"" + Quoting.clean(text, config.apiKey(), externalIds) + "\"";
        }

        private DeliveryOutcome connectionFailure(IOException e) {
            String where = config.restEndpoint().getHost() + (config.restEndpoint().getPort() < 0 ? "" : ":" + config.restEndpoint().getPort());
            String code = BrazeErrors.UNREACHABLE.code() + ": ";
            if (e instanceof HttpConnectTimeoutException) {
                return new DeliveryOutcome.Retry(code + "could not connect to " + where + " within " + seconds(UsersTrackClient.CONNECT_TIMEOUT)
                        + "; retried", null);
            }
            if (e instanceof HttpTimeoutException) {
                return new DeliveryOutcome.Retry(code + "no answer from " + where + " within " + seconds(config.requestTimeout())
                        + " (request_timeout); retried", null);
            }
            if (Causes.has(e, SSLException.class)) {
                return new DeliveryOutcome.Rejected(BrazeErrors.TLS_FAILED.code(), "the TLS handshake with " + where + " failed: its"
                        + " certificate is not trusted by Cohort's Java or is not for that host; check rest_endpoint");
            }
            if (Causes.has(e, UnresolvedAddressException.class) || Causes.has(e, UnknownHostException.class)) {
                return new DeliveryOutcome.Retry(code + "the host " + config.restEndpoint().getHost() + " does not resolve (DNS): check"
                        + " rest_endpoint; retried", null);
            }
            if (Causes.has(e, ConnectException.class)) {
                return new DeliveryOutcome.Retry(code + "the connection to " + where + " was refused; retried", null);
            }
            return new DeliveryOutcome.Retry(code + "the connection to " + where + " broke (" + e.getClass().getSimpleName() + "); retried",
                    null);
        }
    }

    /** Why an event is not sent: its mapping gives it no custom event, and it sets no attribute. */
    private static String notSent(LoyaltyEvent event) {
        String what = "kind " + event.kind() + " (" + BrazeNames.shown(event.eventName()) + ")";
        String hint = event.kind() == LoyaltyEvent.Kind.OTHER ? "; to send such events, add OTHER=<Event Name> or "
                + event.eventName() + "=<Event Name> to event_names" : "";
        return "not sent to Braze: the mapping gives " + what + " no custom event, and the event carries no fact that sets an"
                + " attribute" + hint;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis < 10_000 && millis % 1000 != 0 ? String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0)
                : (millis + 999) / 1000 + " s";
    }
}

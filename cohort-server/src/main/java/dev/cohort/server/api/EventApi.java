package dev.cohort.server.api;

import dev.cohort.model.EventConnectorDefinition.Direction;
import dev.cohort.runtime.event.EventConnectors;
import dev.cohort.runtime.event.EventIntake;
import dev.cohort.runtime.store.EventRepository;
import dev.cohort.server.auth.Role;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.event.NotificationRejectedException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The event connectors' routes: the endpoints platforms call ({@code POST /in|out/{platform}/{connector}},
 * authenticated by {@code X-Auth-Token}; their health at {@code GET /in|out/{platform}/status}) and, under
 * {@code /api/v1}, each connector's counts and its dead letters, which Operators replay.
 */
public final class EventApi {
    /** The header platforms send the connector's external key in. */
    public static final String AUTH_HEADER = "X-Auth-Token";
    private static final int LATENCY_SAMPLE = 1000;

    private final EventIntake intake;
    private final EventConnectors connectors;
    private final EventRepository events;
    private final Clock clock;

    public EventApi(EventIntake intake, EventConnectors connectors, EventRepository events, Clock clock) {
        this.intake = intake;
        this.connectors = connectors;
        this.events = events;
        this.clock = clock;
    }

    /** What an endpoint answers once the event is stored. */
    public record AcceptedView(boolean accepted, long eventId, String eventType, boolean duplicate, boolean ignored) {}

    public record StatusView(String status, String direction, String platform, List<String> connectors) {}

    /**
     * A connector's counts: {@code lagSeconds} is the age of its oldest undelivered event (0 when none); the
     * latencies are from acceptance to delivery over its last delivered events.
     */
    public record StatsView(String connector, String direction, String platform, String state, String problem, long received,
                            long delivered, long ignored, long deadLettered, long pending, long retried, double lagSeconds,
                            Double latencyP50Ms, Double latencyP99Ms) {}

    /** A dead letter: never its payload (it may hold PII). */
    public record DeadLetterView(long id, String eventKey, String eventType, int attempts, Instant receivedAt,
                                 Instant failedAt, String code, String reason) {
        static DeadLetterView of(EventRepository.StoredEvent event) {
            return new DeadLetterView(event.id(), event.eventKey(), event.eventType(), event.attempts(), event.receivedAt(),
                    event.finishedAt(), event.outcomeCode(), event.outcome());
        }
    }

    public record ReplayRequest(List<Long> ids) {}

    public record ReplayView(String connector, int replayed) {}

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            String base = "/" + direction.keyword() + "/{platform}";
            routes.add(new Route(HandlerType.POST, base + "/{connector}", null, direction == Direction.IN
                    ? "A platform's request for a reward (services/trigger): stored, then answered 200; X-Auth-Token is the"
                    + " connector's external key" : "A loyalty platform's event notification: stored, then answered 200;"
                    + " X-Auth-Token is the connector's external key", Object.class, AcceptedView.class, 200, List.of(),
                    ctx -> accept(ctx, direction)));
            routes.add(new Route(HandlerType.GET, base + "/status", null, "Whether this server takes "
                    + direction.keyword() + " events for the platform, and on which connectors", null, StatusView.class, 200,
                    List.of(), ctx -> status(ctx, direction)));
        }
        routes.add(new Route(HandlerType.GET, CohortApi.BASE + "/event-connectors/{name}/stats", Role.USER,
                "An event connector's counts: received, delivered, retried, dead-lettered, lag, p50/p99 latency", null,
                StatsView.class, 200, List.of(), ctx -> stats(ctx.pathParam("name"))));
        routes.add(new Route(HandlerType.GET, CohortApi.BASE + "/event-connectors/{name}/dead-letters", Role.USER,
                "An event connector's dead letters, newest first, with why each failed", null,
                CohortApi.page(DeadLetterView.class), 200,
                List.of(new Route.QueryParameter("limit", "integer", "at most this many (1-500, default 50)"),
                        new Route.QueryParameter("before", "integer", "only ids below this (the previous page's next)")),
                ctx -> deadLetters(ctx)));
        routes.add(new Route(HandlerType.POST, CohortApi.BASE + "/event-connectors/{name}/dead-letters/replay", Role.OPERATOR,
                "Replay dead letters (all, or those listed in ids): they are delivered again", ReplayRequest.class,
                ReplayView.class, 200, List.of(), this::replay));
        return routes;
    }

    private AcceptedView accept(Context ctx, Direction direction) {
        try {
            EventIntake.Result result = intake.accept(direction, ctx.pathParam("platform"), ctx.pathParam("connector"),
                    ctx.header(AUTH_HEADER), ctx.bodyAsBytes());
            return new AcceptedView(true, result.eventId(), result.eventType(), result.duplicate(), result.ignored());
        } catch (NotificationRejectedException e) {
            throw new ApiError(400, e.problems().stream()
                    .map(p -> new ApiError.Problem(NotificationRejectedException.CODE.code(), p.message(), p.path())).toList());
        } catch (CohortException e) {
            String code = e.errorCode().code();
            int status = code.equals(EventIntake.CONNECTOR_NOT_FOUND.code()) ? 404
                    : code.equals(EventIntake.AUTH_FAILED.code()) ? 401
                    : code.equals(EventIntake.CONNECTOR_UNAVAILABLE.code()) ? 503 : 500;
            throw new ApiError(status, code, e.getMessage());
        }
    }

    private StatusView status(Context ctx, Direction direction) {
        String platform = ctx.pathParam("platform");
        List<String> names = connectors.all().stream()
                .filter(b -> b.definition().direction() == direction && b.definition().platform().equals(platform))
                .filter(EventConnectors.Binding.Ready.class::isInstance)
                .map(b -> b.definition().name()).sorted().toList();
        if (names.isEmpty()) {
            ctx.status(404);
            return new StatusView("no connector", direction.keyword(), platform, names);
        }
        return new StatusView("ok", direction.keyword(), platform, names);
    }

    private StatsView stats(String name) {
        EventConnectors.Binding binding = connectors.find(name).orElseThrow(() -> new ApiError(404, "NOT_FOUND",
                "there is no event connector '" + name + "'"));
        EventRepository.ConnectorCounts counts = events.counts(name, LATENCY_SAMPLE);
        double lag = counts.oldestPendingAt() == null ? 0
                : Math.max(0, Duration.between(counts.oldestPendingAt(), clock.instant()).toMillis() / 1000.0);
        return new StatsView(name, binding.definition().direction().keyword(), binding.definition().platform(),
                binding instanceof EventConnectors.Binding.Ready ? "ready" : "broken",
                binding instanceof EventConnectors.Binding.Broken broken ? broken.reason() : null, counts.received(),
                counts.delivered(), counts.ignored(), counts.dead(), counts.pending(), counts.retried(), lag,
                percentile(counts.recentLatencies(), 0.50), percentile(counts.recentLatencies(), 0.99));
    }

    /** The {@code p} quantile (nearest rank) of sorted durations, in milliseconds; null when there are none. */
    static Double percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return (double) sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))).toMillis();
    }

    private Views.Page<DeadLetterView> deadLetters(Context ctx) {
        String name = ctx.pathParam("name");
        connectors.find(name).orElseThrow(() -> new ApiError(404, "NOT_FOUND", "there is no event connector '" + name + "'"));
        int limit = integer(ctx, "limit", 50, 1, 500);
        String before = ctx.queryParam("before");
        Long beforeId = before == null ? null : (long) integer(ctx, "before", 0, 1, Integer.MAX_VALUE);
        List<DeadLetterView> page = events.deadLetters(name, limit, beforeId).stream().map(DeadLetterView::of).toList();
        return new Views.Page<>(page, page.size() == limit ? String.valueOf(page.getLast().id()) : null);
    }

    private ReplayView replay(Context ctx) {
        String name = ctx.pathParam("name");
        connectors.find(name).orElseThrow(() -> new ApiError(404, "NOT_FOUND", "there is no event connector '" + name + "'"));
        ReplayRequest request = ctx.body().isBlank() ? new ReplayRequest(List.of()) : Json.read(ctx.body(), ReplayRequest.class);
        List<Long> ids = request.ids() == null ? List.of() : request.ids();
        return new ReplayView(name, events.replay(name, ids, clock.instant()));
    }

    private static int integer(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "BAD_PARAMETER", name + " is a whole number from " + min + " to " + max + ", not '" + text + "'",
                    name);
        }
    }
}

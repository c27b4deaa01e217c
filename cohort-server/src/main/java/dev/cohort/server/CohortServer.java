package dev.cohort.server;

import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.Workflow;
import dev.cohort.runtime.event.EventConnectors;
import dev.cohort.runtime.event.EventDispatcher;
import dev.cohort.runtime.event.EventIntake;
import dev.cohort.runtime.run.PartnerReach;
import dev.cohort.runtime.run.PartnerReports;
import dev.cohort.runtime.run.RunLauncher;
import dev.cohort.runtime.store.ClaimLimits;
import dev.cohort.runtime.store.EventRepository;
import dev.cohort.runtime.store.RunRepository;
import dev.cohort.runtime.store.ScheduleRepository;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.runtime.workspace.WorkspaceService;
import dev.cohort.server.api.AccessApi;
import dev.cohort.server.api.ApiError;
import dev.cohort.server.api.CohortApi;
import dev.cohort.server.api.EventApi;
import dev.cohort.server.api.Json;
import dev.cohort.server.api.OpenApiDocument;
import dev.cohort.server.api.Route;
import dev.cohort.server.api.Views;
import dev.cohort.server.auth.ApiTokens;
import dev.cohort.server.auth.Role;
import dev.cohort.server.auth.Users;
import dev.cohort.server.files.FileLinks;
import dev.cohort.server.work.NotificationDelivery;
import dev.cohort.server.work.RunNotifier;
import dev.cohort.server.work.Scheduler;
import dev.cohort.server.work.WorkerPool;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorKind;
import dev.cohort.spi.destination.FileHost;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson3;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cohort server}: one node. It serves the HTTP API, executes runs from the queue it shares with
 * other nodes on the same metadata store, fires schedules, and records notifications. {@link #close}
 * shuts down gracefully: it stops claiming, lets running runs finish up to the drain timeout, and leaves
 * the rest failed as interrupted (queued again where their policy says so).
 */
public final class CohortServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CohortServer.class);
    private static final String VERSION = Optional.ofNullable(CohortServer.class.getPackage().getImplementationVersion())
            .orElse("development");

    /** Set on a request whose error was already written as JSON. */
    private static final String ANSWERED = "cohort.answered";

    private final WorkspaceService workspace;
    private final ServerOptions options;
    private final WorkerPool workers;
    private final Scheduler scheduler;
    private final NotificationDelivery delivery;
    private final ServerMetrics metrics;
    private final List<Route> routes;
    private final Clock clock;
    private volatile FileLinks fileLinks;
    private final RunNotifier notifier;
    private final EventRepository events;
    private final EventConnectors eventConnectors;
    private final EventDispatcher dispatcher;
    private final EventIntake intake;
    private final RunLauncher launcher;
    private final RunRepository runs;
    private final PartnerReports partnerReports;
    private final Javalin http;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private CohortServer(WorkspaceService workspace, ServerOptions options, Clock clock) {
        this.workspace = workspace;
        this.options = options;
        this.clock = clock;
        RunRepository runs = workspace.store().runs(workspace.workspaceId());
        PartnerReach reach = PartnerReach.of(this::lendFile, this::publicUrl, workspace.derivedKey("partner callbacks"));
        RunLauncher launcher = workspace.launcher(options.node(), reach);
        RunNotifier notifier = new RunNotifier(workspace.store().notifications(workspace.workspaceId()), clock);
        this.notifier = notifier;
        this.launcher = launcher;
        this.runs = runs;
        this.partnerReports = new PartnerReports(launcher, runs, reach, clock);
        this.workers = new WorkerPool(runs, launcher, notifier, this::orchestration, clock, options.node(), options.workers(),
                new ClaimLimits(options.perDestination()), options.pollInterval());
        this.delivery = new NotificationDelivery(workspace.workspaceName(), workspace::notificationChannels,
                NotificationDelivery::log);
        notifier.subscribe(delivery::deliver);
        this.scheduler = new Scheduler(workspace.store().schedules(workspace.workspaceId()), this::automaticOrchestrations,
                () -> workspace.failAbandonedRuns().size(), () -> {
                    delivery.refresh();
                    partnerReports.expireWaits().forEach(notifier::ended);
                    FileLinks links = fileLinks;
                    if (links != null) {
                        links.deleteExpired();
                    }
                }, workers, clock, Duration.ofSeconds(1), Duration.ofSeconds(10));
        this.metrics = new ServerMetrics(runs, workers);
        this.events = workspace.events();
        this.eventConnectors = workspace.eventConnectors();
        this.dispatcher = new EventDispatcher(eventConnectors, events, clock, options.node(), options.pollInterval(),
                options.eventClaimTimeout(), metrics::eventDelivered);
        metrics.watchEvents(eventConnectors, events, clock);
        notifier.subscribe(metrics::notified);
        notifier.subscribeFinished(metrics::finished);
        ApiTokens tokens = new ApiTokens(workspace.store().access(), clock);
        Users users = new Users(workspace.store().access(), clock);
        List<Route> routes = new ArrayList<>(new CohortApi(workspace, launcher, workers, clock).routes());
        routes.addAll(new AccessApi(workspace.store().access(), clock).routes());
        this.intake = new EventIntake(eventConnectors, events, clock, dispatcher::accepted);
        routes.addAll(new EventApi(intake, eventConnectors, events, clock).routes());
        routes.addAll(serviceRoutes(routes));
        this.routes = List.copyOf(routes);
        this.http = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson3(Json.MAPPER, true));
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.routes.beforeMatched(ctx -> authenticate(ctx, tokens, users));
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), ctx -> answer(ctx, route),
                        route.isPublic() ? new RouteRole[0] : new RouteRole[] {route.role()});
            }
            config.routes.exception(ApiError.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true);
                ctx.status(e.status()).json(e.body());
            });
            config.routes.exception(dev.cohort.model.ValidationException.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true);
                ctx.status(400).json(new ApiError(400, e.problems().stream().map(p -> new ApiError.Problem(p.code(),
                        p.message(), p.location().keyPath().orElse(null))).toList()).body());
            });
            config.routes.exception(CohortException.class, (e, ctx) -> {
                ApiError error = translate(e);
                ctx.attribute(ANSWERED, true);
                ctx.status(error.status()).json(error.body());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError(500, "INTERNAL_ERROR", "Cohort failed unexpectedly ("
                        + e.getClass().getSimpleName() + "); the server's log has the details").body());
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                    ctx.json(new ApiError(404, "NO_SUCH_ROUTE", "there is no " + ctx.method() + " " + ctx.path()
                            + " (the routes are in " + CohortApi.BASE + "/openapi.json)").body());
                }
            });
        });
    }

    /** Opens the applied workspace at {@code home} and starts serving it. */
    public static CohortServer start(WorkspaceHome home, ServerOptions options) {
        WorkspaceService workspace = WorkspaceService.open(home);
        try {
            CohortServer server = new CohortServer(workspace, options, Clock.systemUTC());
            server.startParts();
            return server;
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    private void startParts() {
        http.start();
        fileLinks = new FileLinks(workspace.derivedKey("file links"), workspace.stateFolder().resolve("files"),
                publicUrl(), options.fileLinkValidity(), clock);
        scheduler.start();
        workers.start();
        if (options.workers() > 0) {
            dispatcher.start();
        }
        ready.set(true);
        LOG.info("cohort server for workspace '{}' on {} ({} workers, node {})", workspace.workspaceName(), url(),
                options.workers(), options.node());
    }

    public int port() {
        return http.port();
    }

    public String url() {
        return "http://" + options.host() + ":" + port();
    }

    /** The server's address as partners reach it: {@code --public-url}, else where it listens. */
    public String publicUrl() {
        return options.publicUrl() != null ? options.publicUrl() : url();
    }

    /** Serves a run's file to the partner that fetches it (the runtime's {@link FileHost}). */
    private FileHost.Link lendFile(java.nio.file.Path file, String name) {
        FileLinks links = fileLinks;
        if (links == null) {
            throw new IllegalStateException("the server does not serve files before it has started");
        }
        FileLinks.Link link = links.take(file, name);
        return new FileHost.Link(java.net.URI.create(link.url()), link.expiresAt());
    }

    /**
     * Lends files to partners that fetch them (signed, expiring links served by this server under
     * {@code /files}); available once the server has started.
     */
    public FileLinks fileLinks() {
        return fileLinks;
    }

    /**
     * Requests a run of {@code orchestration} into this server's queue, as the API's {@code POST
     * /orchestrations/{name}/runs} does (for a program embedding the server, such as {@code cohort demo}).
     */
    public dev.cohort.model.Run requestRun(String orchestration, String trigger) {
        dev.cohort.model.Run run = launcher.request(orchestration, null, trigger);
        workers.wake();
        return run;
    }

    /** A run of this server's workspace as stored now. */
    public Optional<dev.cohort.model.Run> run(long id) {
        return runs.find(id);
    }

    /** Every route this server answers, as declared (the OpenAPI document is made from these). */
    public List<Route> routes() {
        return routes;
    }

    public String workspaceName() {
        return workspace.workspaceName();
    }

    /** Brings the schedules in line with the workspace now (the server also does it every few seconds). */
    public void syncSchedules() {
        scheduler.syncNow();
    }

    private Optional<OrchestrationDefinition> orchestration(String name) {
        return workspace.definition().orchestrations().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    private List<ScheduleRepository.Desired> automaticOrchestrations() {
        List<ScheduleRepository.Desired> desired = new ArrayList<>();
        for (OrchestrationDefinition o : workspace.definition().orchestrations()) {
            if (o.workflow() instanceof Workflow.Automatic automatic) {
                desired.add(new ScheduleRepository.Desired(o.name(), o.destination(), automatic.cron(), automatic.timeZone()));
            }
        }
        return desired;
    }

    private List<Route> serviceRoutes(List<Route> apiRoutes) {
        List<Route> all = new ArrayList<>(apiRoutes);
        List<Route> service = new ArrayList<>();
        service.add(new Route(HandlerType.GET, "/healthz", null, "Liveness: the process answers", null, Views.Health.class,
                200, List.of(), ctx -> health("ok")));
        service.add(new Route(HandlerType.GET, "/readyz", null, "Readiness: 503 while starting or shutting down", null,
                Views.Health.class, 200, List.of(), ctx -> {
                    if (!ready.get()) {
                        ctx.status(503);
                        return health("not ready");
                    }
                    return health("ready");
                }));
        service.add(new Route(HandlerType.GET, "/metrics", null, "Prometheus metrics", null, String.class, 200, List.of(),
                ctx -> {
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
                    return metrics.scrape();
                }));
        service.add(new Route(HandlerType.GET, FileLinks.PATH + "/{id}/{name}", null,
                "A lent file, for a partner that fetches it: needs its signed link, until it expires (Range requests work)",
                null, String.class, 200, List.of(new Route.QueryParameter("expires", "integer", "from the link"),
                        new Route.QueryParameter("signature", "string", "from the link")), this::lentFile));
        service.add(new Route(HandlerType.POST, PartnerReach.CALLBACK_PATH + "/{id}/{token}", null,
                "A partner's report on a run that waits for it (Insider One's valid and invalid counts): the URL is the"
                        + " run's own, given to the partner with the delivery; a repeated report changes nothing",
                Object.class, Views.CallbackAnswer.class, 200, List.of(), this::partnerReport));
        Route openApi = new Route(HandlerType.GET, CohortApi.BASE + "/openapi.json", null, "This document", null,
                Object.class, 200, List.of(), ctx -> OpenApiDocument.of(all, VERSION));
        service.add(openApi);
        all.addAll(service);
        return service;
    }

    private Views.CallbackAnswer partnerReport(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "NOT_FOUND", "there is no run '" + ctx.pathParam("id") + "'");
        }
        PartnerReports.Outcome outcome = partnerReports.receive(id, ctx.pathParam("token"), ctx.bodyAsBytes());
        if (outcome instanceof PartnerReports.Outcome.Recorded recorded) {
            LOG.info("run {} of {} ended on its partner's report: {}", id, recorded.run().orchestration(),
                    recorded.run().status().label());
            notifier.ended(recorded.run());
        }
        return new Views.CallbackAnswer(id, outcome.run().status().name(),
                outcome instanceof PartnerReports.Outcome.Recorded);
    }

    private Object lentFile(Context ctx) throws java.io.IOException {
        FileLinks links = fileLinks;
        FileLinks.Lookup lookup = links == null ? new FileLinks.Lookup.Refused(FileLinks.Refusal.GONE)
                : links.find(ctx.pathParam("id"), ctx.pathParam("name"), ctx.queryParam("expires"), ctx.queryParam("signature"));
        switch (lookup) {
            case FileLinks.Lookup.Found found -> {
                ctx.header("Content-Disposition", "attachment; filename=\"" + found.name() + "\"");
                ctx.header("Cache-Control", "no-store");
                ctx.header("Accept-Ranges", "bytes");
                ctx.contentType(found.name().endsWith(".csv") ? "text/csv; charset=utf-8" : "application/octet-stream");
                java.util.Optional<dev.cohort.server.files.ByteRange.Parsed> asked =
                        dev.cohort.server.files.ByteRange.parse(ctx.header("Range"), found.bytes());
                if (asked.isPresent() && asked.get().range() == null) {
                    ctx.header("Content-Range", "bytes */" + found.bytes());
                    throw new ApiError(416, "RANGE_NOT_SATISFIABLE", "the file has " + found.bytes() + " bytes");
                }
                java.nio.channels.SeekableByteChannel channel = java.nio.file.Files.newByteChannel(found.file());
                long length = found.bytes();
                if (asked.isPresent()) {
                    dev.cohort.server.files.ByteRange range = asked.get().range();
                    channel.position(range.first());
                    length = range.length();
                    ctx.status(206);
                    ctx.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + found.bytes());
                }
                ctx.header("Content-Length", String.valueOf(length));
                ctx.result(dev.cohort.server.files.ByteRange.limited(java.nio.channels.Channels.newInputStream(channel), length));
                return null;
            }
            case FileLinks.Lookup.Refused refused -> throw switch (refused.why()) {
                case MALFORMED, BAD_SIGNATURE -> new ApiError(403, "LINK_INVALID",
                        "this file link is not valid (altered or incomplete): use the link exactly as Cohort gave it");
                case EXPIRED -> new ApiError(403, "LINK_EXPIRED", "this file link has expired: run the orchestration again"
                        + " for a new one");
                case GONE -> new ApiError(404, "FILE_GONE", "the file of this link is no longer kept");
            };
        }
    }

    private Views.Health health(String status) {
        return new Views.Health(status, options.node(), workspace.workspaceName(), workers.executing().size(),
                metrics.waiting());
    }

    private static void authenticate(Context ctx, ApiTokens tokens, Users users) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        ApiTokens.Authenticated who;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            who = tokens.authenticate(header.substring(7).strip()).orElseThrow(() -> new ApiError(401,
                    "BAD_TOKEN", "the API token is not known or was revoked: create a new one with 'cohort token create'"));
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = basic(header.substring(6).strip());
            who = users.authenticate(credentials[0], credentials[1]).orElseThrow(() -> new ApiError(401, "BAD_CREDENTIALS",
                    "the user name or password is wrong"));
        } else {
            ctx.header("WWW-Authenticate", "Bearer realm=\"cohort\"");
            throw new ApiError(401, "UNAUTHENTICATED", "this route needs an API token: send 'Authorization: Bearer <token>'"
                    + " (create one with 'cohort token create --name <name> --role <role>'), or a user's name and password"
                    + " as HTTP Basic");
        }
        Role needed = (Role) roles.iterator().next();
        if (!who.role().includes(needed)) {
            throw new ApiError(403, "FORBIDDEN", ctx.method() + " " + ctx.path() + " needs the " + needed.label()
                    + " role; " + who.principal() + " is " + who.role().label());
        }
        ctx.attribute("cohort.principal", who.principal());
        ctx.attribute("cohort.role", who.role());
    }

    private static String[] basic(String encoded) {
        String decoded;
        try {
            decoded = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(401, "BAD_CREDENTIALS", "the Basic credentials are not valid Base64 of 'name:password'");
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw new ApiError(401, "BAD_CREDENTIALS", "the Basic credentials must be 'name:password'");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static void answer(Context ctx, Route route) throws Exception {
        Object body = route.action().handle(ctx);
        if (ctx.status().getCode() == 200 && route.status() != 200) {
            ctx.status(route.status());
        }
        if (body instanceof String text) {
            ctx.result(text);
        } else if (body != null) {
            ctx.json(body);
        }
    }

    private static ApiError translate(CohortException e) {
        String code = e.errorCode().code();
        if (code.equals("NOT_FOUND")) {
            return new ApiError(404, code, e.getMessage());
        }
        if (code.equals(RunLauncher.BUSY.code()) || code.equals("OBJECT_IN_USE")) {
            return new ApiError(409, code, e.getMessage());
        }
        if (code.equals(PartnerReports.CALLBACK_FORBIDDEN.code())) {
            return new ApiError(403, code, e.getMessage());
        }
        if (code.equals(PartnerReports.REPORT_TOO_EARLY.code())) {
            return new ApiError(503, code, e.getMessage());
        }
        if (e.kind() == ErrorKind.USER_ERROR) {
            return new ApiError(400, code, e.getMessage());
        }
        if (e.kind() == ErrorKind.EXTERNAL_TRANSIENT || e.kind() == ErrorKind.EXTERNAL_PERMANENT) {
            return new ApiError(502, code, e.getMessage());
        }
        return new ApiError(500, code, e.getMessage());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ready.set(false);
        try {
            scheduler.stop();
            dispatcher.close();
            List<Long> interrupted = workers.drain(options.drainTimeout());
            if (!interrupted.isEmpty()) {
                LOG.warn("shut down with runs still going, failed as interrupted: {}", interrupted);
            }
        } finally {
            try {
                delivery.close();
                http.stop();
                intake.close();
            } finally {
                workspace.close();
            }
        }
    }

    /**
     * Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then shuts down gracefully, telling
     * {@code progress} what it does (for {@code cohort server}).
     */
    public void awaitShutdownSignal(java.util.function.Consumer<String> progress) throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            int running = workers.executing().size();
            progress.accept("Stopping: no new runs are taken" + (running == 0 ? "."
                    : "; waiting up to " + options.drainTimeout().toSeconds() + " s for " + running + " running run"
                    + (running == 1 ? "" : "s") + " to finish."));
            close();
            progress.accept("Stopped.");
            stopped.countDown();
        }, "cohort-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}

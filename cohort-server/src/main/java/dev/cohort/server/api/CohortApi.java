package dev.cohort.server.api;

import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.run.RunLauncher;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.ScheduleRepository;
import dev.cohort.runtime.store.StoredObject;
import dev.cohort.runtime.workspace.SpecCodec;
import dev.cohort.runtime.workspace.WorkspaceService;
import dev.cohort.server.auth.Role;
import dev.cohort.server.work.WorkerPool;
import dev.cohort.spi.Suggestions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The routes of {@code /api/v1}: the workspace's objects, runs (request, test, cancel, list) and the
 * notification feed. Handlers only translate: the runtime validates and does the work.
 */
public final class CohortApi {
    public static final String BASE = "/api/v1";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final List<Route.QueryParameter> PAGING = List.of(
            new Route.QueryParameter("limit", "integer", "how many to return, 1-" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")"),
            new Route.QueryParameter("before", "integer", "only those older than this id: the 'next' of the previous page"));

    private final WorkspaceService workspace;
    private final RunLauncher launcher;
    private final WorkerPool workers;
    private final Clock clock;

    public CohortApi(WorkspaceService workspace, RunLauncher launcher, WorkerPool workers, Clock clock) {
        this.workspace = workspace;
        this.launcher = launcher;
        this.workers = workers;
        this.clock = clock;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(route(HandlerType.GET, "/orchestrations", Role.USER, "List orchestrations, with their next and last run",
                null, page(Views.OrchestrationView.class), 200, List.of(), this::orchestrations));
        routes.add(route(HandlerType.GET, "/orchestrations/{name}", Role.USER, "Get an orchestration", null,
                Views.OrchestrationView.class, 200, List.of(), this::orchestration));
        routes.add(route(HandlerType.POST, "/orchestrations/{name}/runs", Role.OPERATOR,
                "Run an orchestration: the run waits in the queue until a worker takes it", null, Views.RunView.class, 202,
                List.of(), ctx -> request(ctx, null)));
        routes.add(route(HandlerType.POST, "/orchestrations/{name}/test-runs", Role.USER,
                "Send a test run of at most 'rows' rows (marked as a test)", Views.TestRunRequest.class, Views.RunView.class,
                202, List.of(), this::testRun));
        routes.add(route(HandlerType.GET, "/runs", Role.USER, "List runs, newest first", null, page(Views.RunView.class), 200,
                withPaging(new Route.QueryParameter("orchestration", "string", "only the runs of this orchestration")),
                this::runs));
        routes.add(route(HandlerType.GET, "/runs/{id}", Role.USER, "Get a run, with its files and rejections", null,
                Views.RunView.class, 200, List.of(), ctx -> Views.RunView.of(run(ctx))));
        routes.add(route(HandlerType.POST, "/runs/{id}/cancel", Role.OPERATOR,
                "Cancel a waiting or running run; nothing it was writing is published", Views.CancelRequest.class,
                Views.RunView.class, 200, List.of(), this::cancel));
        routes.add(route(HandlerType.GET, "/notifications", Role.USER, "The notification feed, newest first", null,
                page(Views.NotificationView.class), 200, PAGING, this::notifications));
        routes.add(route(HandlerType.POST, "/queries/{name}/activate", Role.OPERATOR,
                "Activate a query: the engine checks its SQL and records its output columns (422 with the engine's message"
                        + " when it fails; the query stays a draft)", null, QueryStateView.class, 200, List.of(), this::activate));
        routes.add(route(HandlerType.POST, "/queries/{name}/preview", Role.OPERATOR,
                "The first rows of a query, optionally shaped by a data template (customer data: Operators only)",
                PreviewRequest.class, PreviewView.class, 200, List.of(), this::preview));
        routes.add(route(HandlerType.POST, "/destinations/{name}/test", Role.OPERATOR,
                "Test a destination's connection: each step with its outcome", null, CheckView.class, 200, List.of(),
                this::testDestination));
        for (ObjectKind kind : dev.cohort.runtime.workspace.ObjectEditor.EDITABLE.stream().sorted().toList()) {
            String collection = collection(kind);
            routes.add(route(HandlerType.PUT, "/" + collection + "/{name}", Role.OPERATOR, "Create or replace a " + kind.label()
                            + " from its cohort.yaml shape as JSON, with apply's validation (every problem at once)",
                    Object.class, ObjectWriteView.class, 200, List.of(), ctx -> put(kind, ctx)));
            routes.add(route(HandlerType.DELETE, "/" + collection + "/{name}", Role.OPERATOR, "Remove a " + kind.label()
                    + " (refused with 409 while orchestrations use it, naming them)", null, null, 204, List.of(), ctx -> {
                        workspace.editor().delete(kind, ctx.pathParam("name"));
                        return null;
                    }));
        }
        routes.add(route(HandlerType.PUT, "/credentials/{name}", Role.ADMINISTRATOR,
                "Create or replace a credential with its values (write-only: sealed under the master key, never shown again)",
                CredentialRequest.class, CredentialView.class, 200, List.of(), this::putCredential));
        routes.add(route(HandlerType.DELETE, "/credentials/{name}", Role.ADMINISTRATOR,
                "Remove a credential (refused with 409 while destinations or notification channels use it, naming them)",
                null, null, 204, List.of(), ctx -> {
                    workspace.editor().delete(ObjectKind.CREDENTIAL, ctx.pathParam("name"));
                    return null;
                }));
        routes.add(route(HandlerType.DELETE, "/destinations/{name}", Role.ADMINISTRATOR,
                "Remove a destination (refused with 409 while orchestrations use it, naming them)", null, null, 204, List.of(),
                ctx -> {
                    workspace.editor().delete(ObjectKind.DESTINATION, ctx.pathParam("name"));
                    return null;
                }));
        for (ObjectKind kind : List.of(ObjectKind.TABLE, ObjectKind.QUERY, ObjectKind.DATA_TEMPLATE, ObjectKind.CREDENTIAL,
                ObjectKind.NOTIFICATION_CHANNEL, ObjectKind.DESTINATION, ObjectKind.EVENT_CONNECTOR)) {
            String collection = collection(kind);
            routes.add(route(HandlerType.GET, "/" + collection, Role.USER, "List " + kind.label() + "s as written in cohort.yaml",
                    null, page(Views.ObjectView.class), 200, List.of(), ctx -> objects(kind)));
            routes.add(route(HandlerType.GET, "/" + collection + "/{name}", Role.USER, "Get a " + kind.label(), null,
                    Views.ObjectView.class, 200, List.of(), ctx -> object(kind, ctx.pathParam("name"))));
        }
        return routes;
    }

    private static List<Route.QueryParameter> withPaging(Route.QueryParameter extra) {
        List<Route.QueryParameter> parameters = new ArrayList<>(PAGING);
        parameters.add(extra);
        return parameters;
    }

    static String collection(ObjectKind kind) {
        return switch (kind) {
            case TABLE -> "tables";
            case QUERY -> "queries";
            case DATA_TEMPLATE -> "data-templates";
            case CREDENTIAL -> "credentials";
            case DESTINATION -> "destinations";
            case ORCHESTRATION -> "orchestrations";
            case NOTIFICATION_CHANNEL -> "notification-channels";
            case EVENT_CONNECTOR -> "event-connectors";
        };
    }

    private static Route route(HandlerType method, String path, Role role, String summary, Class<?> request, Type response,
                               int status, List<Route.QueryParameter> query, Route.Action action) {
        return new Route(method, BASE + path, role, summary, request, response, status, query, action);
    }

    public record ColumnView(String name, String type) {}

    /** A credential to store: its values are write-only. */
    public record CredentialRequest(String type, String description, java.util.Map<String, String> values) {
        @Override
        public String toString() {
            return "CredentialRequest[" + type + ", values " + (values == null ? "none" : values.keySet()) + "]";
        }
    }

    /** A stored credential: the names of its values, never the values. */
    public record CredentialView(String name, String type, List<String> values, List<String> changes) {}

    private CredentialView putCredential(Context ctx) {
        CredentialRequest request = Json.read(ctx.body(), CredentialRequest.class);
        String name = ctx.pathParam("name");
        dev.cohort.runtime.workspace.ApplyResult result = workspace.editor().putCredential(name, request.type(), request.description(),
                request.values());
        return new CredentialView(name, request.type(), request.values().keySet().stream().sorted().toList(),
                result.applied().stream().map(Object::toString).toList());
    }

    /** What a write did: the changes made, and what could not be made as asked (a query that stays a draft). */
    public record ObjectWriteView(String kind, String name, List<String> changes, List<ApiError.Problem> problems) {}

    private ObjectWriteView put(ObjectKind kind, Context ctx) {
        String name = ctx.pathParam("name");
        dev.cohort.runtime.workspace.ApplyResult result = workspace.editor().put(kind, name, ctx.body());
        return new ObjectWriteView(kind.label(), name, result.applied().stream().map(Object::toString).toList(),
                result.problems().stream().map(p -> new ApiError.Problem(p.code(), p.message(),
                        p.location().keyPath().orElse(null))).toList());
    }

    public record QueryStateView(String name, String status, List<ColumnView> columns, String error) {}

    public record PreviewRequest(Integer limit, String dataTemplate) {}

    public record PreviewView(List<ColumnView> columns, List<List<String>> rows, boolean truncated) {}

    public record CheckStepView(String name, boolean ok, String message) {}

    public record CheckView(boolean ok, List<CheckStepView> steps) {}

    private QueryStateView activate(Context ctx) {
        String name = ctx.pathParam("name");
        dev.cohort.runtime.workspace.QueryState state = workspace.editor().activateQuery(name);
        if (state.status() != dev.cohort.model.QueryStatus.ACTIVE) {
            throw new ApiError(422, "QUERY_INVALID", "query " + name + " stays a draft: " + state.error(), "sql");
        }
        return new QueryStateView(name, "active", state.columns().stream().map(c -> new ColumnView(c.name(), c.type())).toList(),
                null);
    }

    private PreviewView preview(Context ctx) {
        PreviewRequest request = Json.read(ctx.body(), PreviewRequest.class);
        int limit = request.limit() == null ? 20 : request.limit();
        if (limit < 1 || limit > 1000) {
            throw new ApiError(400, "BAD_LIMIT", "'limit' must be between 1 and 1000, not " + limit, "limit");
        }
        String name = ctx.pathParam("name");
        dev.cohort.engine.ResultPreview preview = request.dataTemplate() == null ? workspace.previewQuery(name, limit)
                : workspace.previewTemplate(name, request.dataTemplate(), limit);
        return new PreviewView(preview.columns().stream().map(c -> new ColumnView(c.name(), c.type())).toList(), preview.rows(),
                preview.truncated());
    }

    private CheckView testDestination(Context ctx) {
        dev.cohort.spi.destination.CheckResult result = workspace.editor().testDestination(ctx.pathParam("name"));
        return new CheckView(result.ok(), result.steps().stream().map(s -> new CheckStepView(s.name(), s.ok(), s.message())).toList());
    }

    private Views.Page<Views.OrchestrationView> orchestrations(Context ctx) {
        Map<String, Instant> next = workspace.store().schedules(workspace.workspaceId()).list().stream()
                .collect(Collectors.toMap(ScheduleRepository.Schedule::orchestration, ScheduleRepository.Schedule::nextFireAt));
        List<Views.OrchestrationView> views = workspace.definition().orchestrations().stream()
                .map(o -> Views.OrchestrationView.of(o, next.get(o.name()), lastRun(o.name())))
                .toList();
        return new Views.Page<>(views, null);
    }

    private Views.OrchestrationView orchestration(Context ctx) {
        OrchestrationDefinition o = orchestrationNamed(ctx.pathParam("name"));
        Instant next = workspace.store().schedules(workspace.workspaceId()).list().stream()
                .filter(s -> s.orchestration().equals(o.name())).map(ScheduleRepository.Schedule::nextFireAt).findFirst().orElse(null);
        return Views.OrchestrationView.of(o, next, lastRun(o.name()));
    }

    private Run lastRun(String orchestration) {
        return workspace.runs(orchestration, 1).stream().findFirst().orElse(null);
    }

    private OrchestrationDefinition orchestrationNamed(String name) {
        List<OrchestrationDefinition> all = workspace.definition().orchestrations();
        return all.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow(() -> ApiError.notFound(
                "there is no orchestration '" + name + "'" + Suggestions.didYouMean(name,
                        all.stream().map(OrchestrationDefinition::name).toList())));
    }

    private Views.RunView request(Context ctx, Long testRows) {
        OrchestrationDefinition o = orchestrationNamed(ctx.pathParam("name"));
        String trigger = (testRows == null ? "api" : "api test") + " by " + ctx.attribute("cohort.principal");
        Run run = launcher.request(o.name(), testRows, trigger);
        workers.wake();
        String note = workspace.store().runs(workspace.workspaceId()).unfinished(o.name()).stream()
                .filter(other -> other.id() != run.id()).findFirst()
                .map(other -> "waits behind run " + other.id() + " (" + other.status().label() + "): runs of one orchestration"
                        + " never overlap")
                .orElse(null);
        return Views.RunView.of(run, note);
    }

    private Views.RunView testRun(Context ctx) {
        Views.TestRunRequest body = Json.read(ctx.body(), Views.TestRunRequest.class);
        long rows = body.rows() == null ? 100 : body.rows();
        if (rows < 1 || rows > 1_000_000) {
            throw new ApiError(400, "BAD_TEST_SIZE", "'rows' must be between 1 and 1000000 (a test sends a sample), not "
                    + rows, "rows");
        }
        return request(ctx, rows);
    }

    private Views.Page<Views.RunView> runs(Context ctx) {
        int limit = limit(ctx);
        Long before = longParam(ctx, "before");
        String orchestration = ctx.queryParam("orchestration");
        List<Run> runs = workspace.store().runs(workspace.workspaceId()).list(orchestration, before == null ? limit : MAX_LIMIT * 4);
        List<Views.RunView> page = runs.stream().filter(r -> before == null || r.id() < before).limit(limit)
                .map(Views.RunView::of).toList();
        return new Views.Page<>(page, page.size() == limit ? String.valueOf(page.getLast().id()) : null);
    }

    private Run run(Context ctx) {
        long id = idParam(ctx);
        return workspace.store().runs(workspace.workspaceId()).find(id)
                .orElseThrow(() -> ApiError.notFound("there is no run " + id + " in workspace '" + workspace.workspaceName() + "'"));
    }

    private Views.RunView cancel(Context ctx) {
        Run run = run(ctx);
        Views.CancelRequest body = Json.read(ctx.body(), Views.CancelRequest.class);
        if (run.status().isFinal()) {
            throw new ApiError(409, "RUN_ALREADY_ENDED", "run " + run.id() + " has already ended (" + run.status().label()
                    + "); only a waiting or running run can be cancelled");
        }
        String reason = "cancelled by " + ctx.attribute("cohort.principal")
                + (body.reason() == null || body.reason().isBlank() ? "" : ": " + body.reason().strip());
        workspace.store().runs(workspace.workspaceId()).cancel(run.id(), reason, clock.instant());
        workers.stopLocal(run.id());
        return Views.RunView.of(run(ctx));
    }

    private Views.Page<Views.NotificationView> notifications(Context ctx) {
        int limit = limit(ctx);
        List<Views.NotificationView> page = workspace.store().notifications(workspace.workspaceId())
                .list(longParam(ctx, "before"), limit).stream().map(Views.NotificationView::of).toList();
        return new Views.Page<>(page, page.size() == limit ? String.valueOf(page.getLast().id()) : null);
    }

    private Views.Page<Views.ObjectView> objects(ObjectKind kind) {
        List<Views.ObjectView> views = workspace.store().objects(workspace.workspaceId()).list(kind).stream()
                .sorted(Comparator.comparing(StoredObject::name)).map(this::view).toList();
        return new Views.Page<>(views, null);
    }

    private Views.ObjectView object(ObjectKind kind, String name) {
        Optional<StoredObject> stored = workspace.store().objects(workspace.workspaceId()).find(kind, name);
        return stored.map(this::view).orElseThrow(() -> ApiError.notFound("there is no " + kind.label() + " '" + name + "'"
                + Suggestions.didYouMean(name, workspace.store().objects(workspace.workspaceId()).list(kind).stream()
                .map(StoredObject::name).toList())));
    }

    private Views.ObjectView view(StoredObject stored) {
        return new Views.ObjectView(stored.kind().label(), stored.name(), Json.MAPPER.readTree(stored.specJson()),
                stored.version(), stored.updatedAt());
    }

    private static int limit(Context ctx) {
        Long limit = longParam(ctx, "limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiError(400, "BAD_LIMIT", "'limit' must be between 1 and " + MAX_LIMIT + ", not " + limit, "limit");
        }
        return limit.intValue();
    }

    private static Long longParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "WRONG_TYPE", "'" + name + "' must be a whole number, not '" + value + "'", name);
        }
    }

    private static long idParam(Context ctx) {
        String value = ctx.pathParam("id");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiError(404, "NOT_FOUND", "there is no run '" + value + "': run ids are numbers", "id");
        }
    }

    /** The type {@code Page<item>}, for the OpenAPI document. */
    static Type page(Class<?> item) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {item};
            }

            @Override
            public Type getRawType() {
                return Views.Page.class;
            }

            @Override
            public Type getOwnerType() {
                return Views.class;
            }
        };
    }
}

package dev.cohort.runtime.workspace;

import dev.cohort.engine.Engine;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.OrchestrationSource;
import dev.cohort.model.Problem;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.RunStatus;
import dev.cohort.model.ValidationException;
import dev.cohort.model.Workflow;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.plugin.DestinationTypes;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.ObjectRepository;
import dev.cohort.runtime.store.RunRepository;
import dev.cohort.runtime.store.StoredObject;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.Suggestions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates, changes and removes single objects of an applied workspace — what the API does — with the
 * rules of {@code cohort apply}: the object is read from its cohort.yaml shape (as JSON) with the same
 * messages, the whole workspace with it is validated, and the change is made by the same executor (a
 * query is checked by the engine; orchestrations that depend on a changed query or template are checked
 * again). Objects holding or checking secrets (credentials, destinations, notification channels) and
 * tables (files and loads) stay with {@code cohort apply}.
 */
public final class ObjectEditor {
    static final ErrorCode IN_USE = ErrorCode.user("OBJECT_IN_USE");
    static final ErrorCode NOT_EDITABLE = ErrorCode.user("NOT_EDITABLE_HERE");
    /** The kinds {@link #put} takes. */
    public static final Set<ObjectKind> EDITABLE = Set.of(ObjectKind.QUERY, ObjectKind.DATA_TEMPLATE, ObjectKind.ORCHESTRATION,
            ObjectKind.EVENT_CONNECTOR);

    private final Path root;
    private final String workspaceName;
    private final Supplier<WorkspaceDefinition> stored;
    private final ObjectRepository objects;
    private final RunRepository runs;
    private final Supplier<Engine> engine;
    private final DestinationTypes destinationTypes;
    private final CredentialVault vault;
    private final Clock clock;

    ObjectEditor(Path root, String workspaceName, Supplier<WorkspaceDefinition> stored, ObjectRepository objects,
                 RunRepository runs, Supplier<Engine> engine, DestinationTypes destinationTypes, CredentialVault vault,
                 Clock clock) {
        this.root = root;
        this.workspaceName = workspaceName;
        this.stored = stored;
        this.objects = objects;
        this.runs = runs;
        this.engine = engine;
        this.destinationTypes = destinationTypes;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * Creates or replaces object {@code name} of {@code kind} from {@code json}.
     *
     * @throws ValidationException with every problem, when the object or the workspace with it is not valid
     */
    public ApplyResult put(ObjectKind kind, String name, String json) {
        requireEditable(kind);
        Object object = WorkspaceReader.readObject(kind, name, json, root);
        WorkspaceDefinition current = stored.get();
        WorkspaceDefinition desired = with(current, kind, name, object);
        LoadedWorkspace workspace = new LoadedWorkspace(root, desired, new SourceMap());
        List<Problem> problems = new WorkspaceValidator(destinationTypes).validate(workspace).stream()
                .filter(p -> concerns(p, kind, name))
                .toList();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String spec = SpecCodec.encode(object);
        Optional<StoredObject> existing = objects.find(kind, name);
        if (existing.isPresent() && existing.get().specJson().equals(spec)) {
            return new ApplyResult(List.of(), List.of());
        }
        PlannedChange change = new PlannedChange(kind, name, existing.isPresent() ? PlannedChange.Action.UPDATE
                : PlannedChange.Action.CREATE, existing.isPresent() ? "changed through the API" : "created through the API");
        Plan plan = new Plan(workspace, List.of(change), List.of(), Map.of());
        ApplyResult result = new PlanExecutor(engine.get(), objects, vault, clock, ApplyListener.SILENT, DestinationCheck.SKIP,
                destinationTypes).execute(plan);
        if (kind == ObjectKind.ORCHESTRATION && result.applied().isEmpty() && !result.problems().isEmpty()) {
            // An orchestration that cannot be saved (its query's columns do not fit the destination, its segment
            // is taken) is refused, as a bad reference is: a query that stays a draft is saved with its problem.
            throw new ValidationException(result.problems());
        }
        return result;
    }

    /**
     * Creates or replaces a credential whose values are given here (the API's write-only secrets): they are
     * sealed under the master key, and the stored definition says {@code ${stored}} for each, so an export never
     * holds them and a later apply keeps them.
     *
     * @throws ValidationException with every problem (a missing type or value, a destination or notification
     *                             channel that needs another type or other values)
     */
    public ApplyResult putCredential(String name, String type, String description, Map<String, String> values) {
        List<Problem> problems = new ArrayList<>();
        dev.cohort.model.Names.checkObjectName(name).ifPresent(why -> problems.add(new Problem(
                dev.cohort.model.Location.key("name"), "BAD_NAME", why)));
        if (type == null || type.isBlank()) {
            problems.add(new Problem(dev.cohort.model.Location.key("type"), "MISSING_KEY",
                    "'type' is required: the plugin the credential is for, e.g. sftp, webhook, smtp"));
        }
        if (values == null || values.isEmpty()) {
            problems.add(new Problem(dev.cohort.model.Location.key("values"), "MISSING_KEY",
                    "'values' is required, e.g. {\"password\": \"…\"}"));
        } else {
            values.forEach((key, value) -> {
                if (!key.matches("[a-z][a-z0-9_]{0,62}")) {
                    problems.add(new Problem(dev.cohort.model.Location.key("values." + key), "BAD_NAME",
                            "value names are lower-case letters, digits and _ (like password, private_key)"));
                } else if (value == null || value.isEmpty()) {
                    problems.add(new Problem(dev.cohort.model.Location.key("values." + key), "MISSING_SECRET",
                            "value '" + key + "' is empty"));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<String, dev.cohort.model.SecretRef> refs = new java.util.TreeMap<>();
        values.keySet().forEach(key -> refs.put(key, new dev.cohort.model.SecretRef.Stored()));
        dev.cohort.model.CredentialDefinition credential = new dev.cohort.model.CredentialDefinition(name, description, type, refs);
        WorkspaceDefinition current = stored.get();
        List<dev.cohort.model.CredentialDefinition> credentials = replace(current.credentials(),
                dev.cohort.model.CredentialDefinition::name, name, credential);
        WorkspaceDefinition desired = new WorkspaceDefinition(current.name(), current.kind(), current.tables(), current.queries(),
                current.templates(), credentials, current.notificationChannels(), current.destinations(), current.orchestrations(),
                current.eventConnectors());
        problems.addAll(new WorkspaceValidator(destinationTypes).validate(new LoadedWorkspace(root, desired, new SourceMap()))
                .stream().filter(p -> concerns(p, ObjectKind.CREDENTIAL, name)).toList());
        for (dev.cohort.model.DestinationDefinition destination : current.destinations()) {
            if (!name.equals(destination.credential())) {
                continue;
            }
            destinationTypes.find(destination.type()).map(t -> t.spec().credentialType())
                    .filter(needed -> !needed.equals(type))
                    .ifPresent(needed -> problems.add(new Problem(dev.cohort.model.Location.key("type"), "CREDENTIAL_TYPE",
                            "destination " + destination.name() + " uses this credential and needs one of type " + needed
                                    + ", not " + type)));
        }
        for (var channel : current.notificationChannels()) {
            if (name.equals(channel.target().credential())) {
                String needed = channel.target() instanceof dev.cohort.model.NotificationChannelDefinition.Webhook
                        ? dev.cohort.model.NotificationChannelDefinition.Webhook.CREDENTIAL_TYPE
                        : dev.cohort.model.NotificationChannelDefinition.Email.CREDENTIAL_TYPE;
                if (!needed.equals(type)) {
                    problems.add(new Problem(dev.cohort.model.Location.key("type"), "CREDENTIAL_TYPE", "notification channel "
                            + channel.name() + " uses this credential and needs one of type " + needed + ", not " + type));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean existed = objects.find(ObjectKind.CREDENTIAL, name).isPresent();
        objects.put(ObjectKind.CREDENTIAL, name, SpecCodec.encode(credential), "{}", vault.seal(name, values));
        return new ApplyResult(List.of(new PlannedChange(ObjectKind.CREDENTIAL, name, existed ? PlannedChange.Action.UPDATE
                : PlannedChange.Action.CREATE, "values set through the API, stored encrypted")), List.of());
    }

    /**
     * Removes object {@code name} of {@code kind}, refused while other objects use it (naming them). Removing
     * an orchestration cancels its waiting runs.
     */
    public void delete(ObjectKind kind, String name) {
        if (kind != ObjectKind.DESTINATION && kind != ObjectKind.CREDENTIAL) {
            requireEditable(kind);
        }
        if (objects.find(kind, name).isEmpty()) {
            throw notFound(kind, name);
        }
        List<String> users = usersOf(stored.get(), kind, name);
        if (!users.isEmpty()) {
            String what = kind == ObjectKind.CREDENTIAL ? "" : "orchestration" + (users.size() == 1 ? " " : "s ");
            throw new CohortException(IN_USE, kind.label() + " " + name + " is used by " + what + String.join(", ", users)
                    + ": change or remove " + (users.size() == 1 ? "it" : "them") + " first");
        }
        objects.delete(kind, name);
        if (kind == ObjectKind.ORCHESTRATION) {
            runs.unfinished(name).stream().filter(run -> run.status() == RunStatus.WAITING_TO_START)
                    .forEach(run -> runs.cancel(run.id(), "its orchestration was removed", clock.instant()));
        }
    }

    /**
     * Tests a saved destination's connection as {@code apply} does when saving it: connects, authenticates
     * with its credential, checks the folder or endpoint; each step with a plain message.
     */
    public dev.cohort.spi.destination.CheckResult testDestination(String name) {
        StoredObject saved = objects.find(ObjectKind.DESTINATION, name).orElseThrow(() -> notFound(ObjectKind.DESTINATION, name));
        var destination = (dev.cohort.model.DestinationDefinition) SpecCodec.decode(ObjectKind.DESTINATION, name, saved.specJson());
        var type = destinationTypes.find(destination.type()).orElseThrow(() -> new CohortException(WorkspaceService.NOT_FOUND,
                "destination type " + destination.type() + " is not installed"));
        Map<String, String> secrets = Map.of();
        if (destination.credential() != null) {
            StoredObject credential = objects.find(ObjectKind.CREDENTIAL, destination.credential())
                    .orElseThrow(() -> notFound(ObjectKind.CREDENTIAL, destination.credential()));
            secrets = vault.open(credential.name(), credential.sealedSecret());
        }
        return dev.cohort.runtime.run.ConfiguredDestination.bind(type, destination, secrets)
                .check(dev.cohort.spi.destination.CheckContext.DEFAULT);
    }

    /**
     * Makes a query active: its SQL is checked by the engine and its output columns recorded, so
     * orchestrations can send it. When the SQL fails, the query stays (or becomes) a draft with the
     * engine's message, which the returned state carries.
     */
    public QueryState activateQuery(String name) {
        StoredObject saved = objects.find(ObjectKind.QUERY, name).orElseThrow(() -> notFound(ObjectKind.QUERY, name));
        QueryDefinition query = (QueryDefinition) SpecCodec.decode(ObjectKind.QUERY, name, saved.specJson());
        QueryState state;
        dev.cohort.model.QueryStatus status;
        try {
            List<dev.cohort.engine.Column> columns = engine.get().describe(SqlText.clean(query.sql()));
            status = dev.cohort.model.QueryStatus.ACTIVE;
            state = new QueryState(status, columns, null, clock.instant());
        } catch (dev.cohort.engine.EngineException e) {
            status = dev.cohort.model.QueryStatus.DRAFT;
            state = new QueryState(status, List.of(), e.getMessage(), clock.instant());
        }
        QueryDefinition updated = new QueryDefinition(query.name(), query.description(), query.sql(), query.sqlFile(), status);
        objects.put(ObjectKind.QUERY, name, SpecCodec.encode(updated), StateCodec.encode(state), null);
        return state;
    }

    private CohortException notFound(ObjectKind kind, String name) {
        List<String> names = objects.list(kind).stream().map(StoredObject::name).toList();
        return new CohortException(WorkspaceService.NOT_FOUND, "there is no " + kind.label() + " '" + name + "' in workspace '"
                + workspaceName + "'" + Suggestions.didYouMean(name, names));
    }

    private static void requireEditable(ObjectKind kind) {
        if (!EDITABLE.contains(kind)) {
            throw new CohortException(NOT_EDITABLE, kind.label() + "s are changed with 'cohort apply' (their secrets,"
                    + " files and connection checks live with the workspace's files), not through the API");
        }
    }

    /** Problems about this object, or about objects that refer to it (an orchestration it breaks). */
    private static boolean concerns(Problem problem, ObjectKind kind, String name) {
        String key = problem.location().keyPath().orElse("");
        String section = SourceMap.sectionKey(kind) + "." + name;
        return key.isEmpty() || key.equals(section) || key.startsWith(section + ".") || key.startsWith("orchestrations.")
                || problem.message().contains("'" + name + "'");
    }

    static List<String> usersOf(WorkspaceDefinition definition, ObjectKind kind, String name) {
        List<String> users = new ArrayList<>();
        if (kind == ObjectKind.CREDENTIAL) {
            definition.destinations().stream().filter(d -> name.equals(d.credential()))
                    .forEach(d -> users.add("destination " + d.name()));
            definition.notificationChannels().stream().filter(c -> name.equals(c.target().credential()))
                    .forEach(c -> users.add("notification channel " + c.name()));
            definition.eventConnectors().stream().filter(c -> name.equals(c.credential()) || name.equals(c.loyaltyCredential())
                    || name.equals(c.externalKey())).forEach(c -> users.add("event connector " + c.name()));
            return users;
        }
        for (OrchestrationDefinition o : definition.orchestrations()) {
            boolean uses = switch (kind) {
                case QUERY -> o.source() instanceof OrchestrationSource.Query q && q.query().equals(name);
                case DATA_TEMPLATE -> name.equals(o.template());
                case DESTINATION -> o.destination().equals(name);
                case ORCHESTRATION -> o.workflow() instanceof Workflow.AfterOrchestration a && a.orchestration().equals(name);
                default -> false;
            };
            if (uses) {
                users.add(o.name());
            }
        }
        return users;
    }

    private static WorkspaceDefinition with(WorkspaceDefinition d, ObjectKind kind, String name, Object object) {
        return new WorkspaceDefinition(d.name(), d.kind(), d.tables(),
                kind == ObjectKind.QUERY ? replace(d.queries(), QueryDefinition::name, name, (QueryDefinition) object) : d.queries(),
                kind == ObjectKind.DATA_TEMPLATE ? replace(d.templates(), DataTemplate::name, name, (DataTemplate) object)
                        : d.templates(),
                d.credentials(), d.notificationChannels(), d.destinations(),
                kind == ObjectKind.ORCHESTRATION ? replace(d.orchestrations(), OrchestrationDefinition::name, name,
                        (OrchestrationDefinition) object) : d.orchestrations(),
                kind == ObjectKind.EVENT_CONNECTOR ? replace(d.eventConnectors(), dev.cohort.model.EventConnectorDefinition::name,
                        name, (dev.cohort.model.EventConnectorDefinition) object) : d.eventConnectors());
    }

    private static <T> List<T> replace(List<T> list, Function<T, String> nameOf, String name, T object) {
        List<T> result = new ArrayList<>();
        boolean replaced = false;
        for (T item : list) {
            if (nameOf.apply(item).equals(name)) {
                result.add(object);
                replaced = true;
            } else {
                result.add(item);
            }
        }
        if (!replaced) {
            result.add(object);
        }
        return result;
    }
}

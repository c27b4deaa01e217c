package dev.cohort.runtime.run;

import dev.cohort.engine.Column;
import dev.cohort.engine.Engine;
import dev.cohort.engine.TableInfo;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.DestinationDefinition;
import dev.cohort.model.FieldSource;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.OrchestrationSource;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.QueryStatus;
import dev.cohort.model.Run;
import dev.cohort.model.RunCounts;
import dev.cohort.model.RunStatus;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Workflow;
import dev.cohort.runtime.plugin.DestinationTypes;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.ObjectRepository;
import dev.cohort.runtime.store.RunRepository;
import dev.cohort.runtime.store.StoredObject;
import dev.cohort.runtime.template.TemplateProjection;
import dev.cohort.runtime.workspace.CredentialVault;
import dev.cohort.runtime.workspace.QueryState;
import dev.cohort.runtime.workspace.SpecCodec;
import dev.cohort.runtime.workspace.StateCodec;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import dev.cohort.spi.Suggestions;
import dev.cohort.spi.destination.Capability;
import dev.cohort.spi.destination.DestinationType;
import dev.cohort.spi.destination.TemplateContract;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests and executes runs of a workspace's orchestrations. A run is recorded first (Waiting to
 * start) and then prepared: a problem found while preparing (a draft query, a setting the destination
 * refuses) fails the run with that problem, so every attempt leaves a record.
 */
public final class RunLauncher {
    public static final ErrorCode NOT_FOUND = ErrorCode.user("NOT_FOUND");
    public static final ErrorCode NOT_RUNNABLE = ErrorCode.user("ORCHESTRATION_NOT_RUNNABLE");
    /** A request refused because the orchestration already has a run and its policy says so. */
    public static final ErrorCode BUSY = ErrorCode.user("ORCHESTRATION_BUSY");
    /** The trigger of a run made because an earlier one was interrupted: {@code rerun of run 12}. */
    public static final String RERUN_OF = "rerun of run ";

    private final Engine engine;
    private final ObjectRepository objects;
    private final RunRepository runs;
    private final DestinationTypes destinationTypes;
    private final CredentialVault vault;
    private final Clock clock;
    private final String worker;
    private final PartnerReach reach;

    public RunLauncher(Engine engine, ObjectRepository objects, RunRepository runs, DestinationTypes destinationTypes,
                       CredentialVault vault, Clock clock, String worker) {
        this(engine, objects, runs, destinationTypes, vault, clock, worker, PartnerReach.NONE);
    }

    /** @param reach how partners reach back into this process (a server's file host and callbacks), or {@link PartnerReach#NONE} */
    public RunLauncher(Engine engine, ObjectRepository objects, RunRepository runs, DestinationTypes destinationTypes,
                       CredentialVault vault, Clock clock, String worker, PartnerReach reach) {
        this.reach = java.util.Objects.requireNonNull(reach, "reach");
        this.engine = engine;
        this.objects = objects;
        this.runs = runs;
        this.destinationTypes = destinationTypes;
        this.vault = vault;
        this.clock = clock;
        this.worker = worker;
    }

    /**
     * Runs {@code orchestration} now, in this process, and returns the finished run.
     *
     * @param testRows for a test run, the most rows to send; null for a full run
     */
    public Run run(String orchestration, Long testRows, String trigger, RunListener listener) {
        OrchestrationDefinition definition = decode(ObjectKind.ORCHESTRATION, orchestration, OrchestrationDefinition.class)
                .orElseThrow(() -> notFound("orchestration", orchestration, ObjectKind.ORCHESTRATION));
        Run run = pendingRerun(definition.name(), testRows).orElseGet(() -> runs.create(definition.name(),
                definition.destination(), testRows, trigger, clock.instant()));
        PreparedRun prepared;
        try {
            prepared = prepare(definition, testRows);
        } catch (CohortException e) {
            runs.finish(run.id(), RunStatus.FAILED, RunCounts.ZERO, List.of(), List.of(), e.errorCode().code(),
                    e.getMessage(), clock.instant());
            Run failed = runs.find(run.id()).orElseThrow();
            listener.finished(failed);
            return failed;
        }
        return new RunExecutor(engine, runs, clock, worker, reach).execute(run.id(), prepared, listener);
    }

    /**
     * Requests a run of {@code orchestration}: it is recorded as Waiting to start, in the run queue, for a
     * worker to claim. A run of an orchestration that is already waiting or running queues behind it.
     *
     * @param testRows for a test run, the most rows to send; null for a full run
     */
    public Run request(String orchestration, Long testRows, String trigger) {
        OrchestrationDefinition definition = decode(ObjectKind.ORCHESTRATION, orchestration, OrchestrationDefinition.class)
                .orElseThrow(() -> notFound("orchestration", orchestration, ObjectKind.ORCHESTRATION));
        if (definition.whenRunning() == OrchestrationDefinition.WhenRunning.REFUSE) {
            List<Run> unfinished = runs.unfinished(definition.name());
            if (!unfinished.isEmpty()) {
                Run blocking = unfinished.getFirst();
                throw new CohortException(BUSY, "orchestration " + definition.name() + " already has run " + blocking.id()
                        + " (" + blocking.status().label() + ") and its when_running policy is 'refuse': try again when"
                        + " that run ends, or cancel it");
            }
        }
        return runs.create(definition.name(), definition.destination(), testRows, trigger, clock.instant());
    }

    /**
     * Executes a run this worker claimed from the queue (already Running) and returns it finished. A problem
     * found while preparing (the query became a draft, the destination is gone) fails the run with it.
     */
    public Run execute(Run claimed, RunListener listener) {
        Optional<OrchestrationDefinition> definition = decode(ObjectKind.ORCHESTRATION, claimed.orchestration(),
                OrchestrationDefinition.class);
        PreparedRun prepared;
        try {
            prepared = prepare(definition.orElseThrow(() -> new CohortException(NOT_RUNNABLE, "orchestration "
                    + claimed.orchestration() + " no longer exists")), claimed.testRows());
        } catch (CohortException e) {
            runs.finish(claimed.id(), RunStatus.FAILED, RunCounts.ZERO, List.of(), List.of(), e.errorCode().code(),
                    e.getMessage(), clock.instant());
            Run failed = runs.find(claimed.id()).orElseThrow();
            listener.finished(failed);
            return failed;
        }
        return new RunExecutor(engine, runs, clock, worker, reach).executeStarted(claimed, prepared, listener);
    }

    /** A waiting re-run of an interrupted run of the same kind (test or full): run that rather than a new one. */
    private Optional<Run> pendingRerun(String orchestration, Long testRows) {
        return runs.unfinished(orchestration).stream()
                .filter(run -> run.status() == RunStatus.WAITING_TO_START && run.trigger().startsWith(RERUN_OF)
                        && java.util.Objects.equals(run.testRows(), testRows))
                .findFirst();
    }

    /** An orchestration's destination bound to its settings and credential, and the key its rate limit is shared by. */
    record BoundDestination(ConfiguredDestination destination, DestinationType<?> type, String rateKey) {}

    BoundDestination bindDestination(OrchestrationDefinition orchestration) {
        DestinationDefinition destinationDefinition = decode(ObjectKind.DESTINATION, orchestration.destination(),
                DestinationDefinition.class).orElseThrow(() -> notRunnable(orchestration, "its destination "
                + orchestration.destination() + " does not exist"));
        DestinationType<?> type = destinationTypes.find(destinationDefinition.type()).orElseThrow(() -> notRunnable(
                orchestration, "destination type " + destinationDefinition.type() + " is not installed"));
        Map<String, String> secrets = Map.of();
        String rateKey = destinationDefinition.type() + "|destination:" + destinationDefinition.name();
        if (destinationDefinition.credential() != null) {
            StoredObject credential = objects.find(ObjectKind.CREDENTIAL, destinationDefinition.credential())
                    .orElseThrow(() -> notRunnable(orchestration, "credential " + destinationDefinition.credential()
                            + " does not exist"));
            secrets = vault.open(credential.name(), credential.sealedSecret());
            rateKey = destinationDefinition.type() + "|credential:" + credential.name();
        }
        return new BoundDestination(ConfiguredDestination.bind(type, destinationDefinition, secrets), type, rateKey);
    }

    /** The orchestrations that run after {@code orchestration} succeeds ({@code workflow: {after: …}}). */
    List<RunRepository.FollowUp> followUps(String orchestration) {
        return objects.list(ObjectKind.ORCHESTRATION).stream()
                .map(o -> (OrchestrationDefinition) SpecCodec.decode(ObjectKind.ORCHESTRATION, o.name(), o.specJson()))
                .filter(o -> o.workflow() instanceof Workflow.AfterOrchestration after
                        && after.orchestration().equals(orchestration))
                .map(o -> new RunRepository.FollowUp(o.name(), o.destination()))
                .toList();
    }

    Optional<OrchestrationDefinition> orchestration(String name) {
        return decode(ObjectKind.ORCHESTRATION, name, OrchestrationDefinition.class);
    }

    PreparedRun prepare(OrchestrationDefinition orchestration, Long testRows) {
        BoundDestination bound = bindDestination(orchestration);
        DestinationType<?> type = bound.type();
        ConfiguredDestination destination = bound.destination();
        String rateKey = bound.rateKey();
        TemplateContract contract = type.spec().template();
        List<Delivery> deliveries = switch (orchestration.source()) {
            case OrchestrationSource.Query query -> List.of(queryDelivery(orchestration, query.query(), contract, testRows));
            case OrchestrationSource.DatabaseExport export -> {
                if (!type.spec().has(Capability.DATABASE_EXPORT)) {
                    throw notRunnable(orchestration, type.spec().displayName() + " destinations do not take database exports");
                }
                List<Delivery> tables = new ArrayList<>();
                for (String table : export.tables()) {
                    TableInfo info = engine.table(table).orElseThrow(() -> notRunnable(orchestration,
                            "table " + table + " is not in the database"));
                    String sql = "SELECT * FROM " + engine.dialect().quoteIdentifier(info.name());
                    tables.add(new Delivery(info.name(), limited(sql, testRows),
                            info.columns().stream().map(Column::name).toList(), null,
                            info.columns().stream().map(Column::type).toList()));
                }
                yield tables;
            }
        };
        int maxFields = contract.maxFields();
        for (Delivery delivery : deliveries) {
            if (maxFields > 0 && delivery.fields().size() > maxFields) {
                throw notRunnable(orchestration, type.spec().displayName() + " takes at most " + maxFields + " field"
                        + (maxFields == 1 ? "" : "s") + ", but " + delivery.objectName() + " gives " + delivery.fields().size()
                        + " (" + String.join(", ", delivery.fields()) + "): add a data template that maps "
                        + (maxFields == 1 ? "one" : maxFields));
            }
        }
        ZoneId zone = orchestration.workflow() instanceof Workflow.Automatic automatic ? automatic.timeZone() : ZoneOffset.UTC;
        return new PreparedRun(orchestration.name(), destination, deliveries, zone, rateKey, followUps(orchestration.name()));
    }

    private Delivery queryDelivery(OrchestrationDefinition orchestration, String queryName, TemplateContract contract,
                                   Long testRows) {
        QueryDefinition query = decode(ObjectKind.QUERY, queryName, QueryDefinition.class)
                .orElseThrow(() -> notRunnable(orchestration, "its query " + queryName + " does not exist"));
        QueryState state = objects.find(ObjectKind.QUERY, queryName)
                .map(o -> StateCodec.decode(o.stateJson(), QueryState.class)).orElseThrow();
        if (state.status() != QueryStatus.ACTIVE) {
            throw notRunnable(orchestration, "its query " + queryName + " is a draft"
                    + (state.error() == null ? "" : " (" + state.error() + ")") + "; only an active query can be sent");
        }
        Optional<DataTemplate> template = orchestration.template() == null ? Optional.empty()
                : decode(ObjectKind.DATA_TEMPLATE, orchestration.template(), DataTemplate.class);
        String sql = query.sql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (template.isEmpty()) {
            return new Delivery(queryName, limited(sql, testRows), state.columns().stream().map(Column::name).toList(), null,
                    state.columns().stream().map(Column::type).toList());
        }
        DataTemplate shaped = inLayout(template.get(), contract);
        TemplateProjection projection = TemplateProjection.compile(shaped, sql, state.columns(), engine.dialect());
        List<String> types = projection.needsEvaluator()
                ? projection.fieldNames().stream().map(name -> "VARCHAR").toList()
                : engine.describe(projection.sql()).stream().map(Column::type).toList();
        return new Delivery(queryName, limited(projection.sql(), testRows), projection.fieldNames(),
                projection.needsEvaluator() ? projection::newEvaluator : null, types);
    }

    /** For a fixed layout: every layout field in order, the template's where it maps one, blank elsewhere. */
    private static DataTemplate inLayout(DataTemplate template, TemplateContract contract) {
        if (!contract.hasFixedLayout()) {
            return template;
        }
        List<TemplateField> fields = new ArrayList<>();
        for (String name : contract.layout()) {
            fields.add(template.fields().stream()
                    .filter(f -> contract.caseSensitive() ? f.name().equals(name) : f.name().equalsIgnoreCase(name))
                    .findFirst().map(f -> new TemplateField(name, f.source(), f.transforms()))
                    .orElse(new TemplateField(name, new FieldSource.Blank(), List.of())));
        }
        return new DataTemplate(template.name(), template.description(), template.destinationType(), fields);
    }

    private String limited(String sql, Long testRows) {
        return testRows == null ? sql : "SELECT * FROM (" + sql + "\n) AS test_run LIMIT " + testRows;
    }

    private <T> Optional<T> decode(ObjectKind kind, String name, Class<T> type) {
        return objects.find(kind, name).map(o -> type.cast(SpecCodec.decode(kind, name, o.specJson())));
    }

    private CohortException notFound(String what, String name, ObjectKind kind) {
        List<String> names = objects.list(kind).stream().map(StoredObject::name).toList();
        return new CohortException(NOT_FOUND, "there is no " + what + " '" + name + "'" + Suggestions.didYouMean(name, names)
                + (names.isEmpty() ? "" : " (" + kind.label() + "s: " + String.join(", ", names) + ")"));
    }

    private static CohortException notRunnable(OrchestrationDefinition orchestration, String why) {
        return new CohortException(NOT_RUNNABLE, "orchestration " + orchestration.name() + " cannot run: " + why);
    }

}

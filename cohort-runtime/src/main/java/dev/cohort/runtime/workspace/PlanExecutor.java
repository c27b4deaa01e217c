package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineException;
import dev.cohort.engine.LoadRequest;
import dev.cohort.engine.LoadResult;
import dev.cohort.engine.TableInfo;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.OrchestrationSource;
import dev.cohort.model.Problem;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.QueryStatus;
import dev.cohort.model.SqlTable;
import dev.cohort.model.TableDefinition;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.plugin.DestinationTypes;
import dev.cohort.runtime.run.ConfiguredDestination;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.ObjectRepository;
import dev.cohort.runtime.workspace.PlannedChange.Action;
import dev.cohort.spi.CohortException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a {@link Plan}: removals first (dependents before what they depend on), then tables in
 * build order, queries, data templates, credentials, notification channels, destinations and
 * orchestrations. Each change is recorded in the store as soon as it is made, so a failure leaves a true
 * record and applying again continues where this stopped.
 */
public final class PlanExecutor {
    private final Engine engine;
    private final ObjectRepository objects;
    private final CredentialVault vault;
    private final Clock clock;
    private final ApplyListener listener;
    private final DestinationCheck destinationCheck;
    private final DestinationTypes destinationTypes;
    private final Map<String, Optional<ConfiguredDestination>> boundDestinations = new java.util.HashMap<>();
    private final List<PlannedChange> applied = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    public PlanExecutor(Engine engine, ObjectRepository objects, CredentialVault vault, Clock clock, ApplyListener listener,
                        DestinationCheck destinationCheck, DestinationTypes destinationTypes) {
        this.destinationCheck = destinationCheck;
        this.destinationTypes = destinationTypes;
        this.engine = engine;
        this.objects = objects;
        this.vault = vault;
        this.clock = clock;
        this.listener = listener;
    }

    /** @throws ApplyFailedException when a change fails; the changes before it stay made */
    public ApplyResult execute(Plan plan) {
        WorkspaceDefinition definition = plan.workspace().definition();
        SourceMap sources = plan.workspace().sources();
        List<PlannedChange> removals = plan.removals().stream()
                .sorted(Comparator.comparing((PlannedChange c) -> c.kind().ordinal()).reversed())
                .toList();
        for (PlannedChange removal : removals) {
            run(removal, () -> remove(removal));
        }
        for (String table : plan.tableOrder()) {
            Optional<PlannedChange> change = plan.change(ObjectKind.TABLE, table);
            if (change.isPresent()) {
                TableDefinition definitionOfTable = definition.table(table).orElseThrow();
                run(change.get(), () -> buildTable(plan, definitionOfTable));
            }
        }
        for (QueryDefinition query : definition.queries()) {
            Optional<PlannedChange> change = plan.change(ObjectKind.QUERY, query.name());
            if (change.isPresent()) {
                run(change.get(), () -> putQuery(query, sources));
            }
        }
        for (DataTemplate template : definition.templates()) {
            plan.change(ObjectKind.DATA_TEMPLATE, template.name()).ifPresent(change -> run(change, () -> {
                objects.put(ObjectKind.DATA_TEMPLATE, template.name(), SpecCodec.encode(template), "{}", null);
                return "saved";
            }));
        }
        for (var credential : definition.credentials()) {
            plan.change(ObjectKind.CREDENTIAL, credential.name()).ifPresent(change -> run(change, () -> {
                byte[] sealed = vault.seal(credential.name(), plan.credentialValues().get(credential.name()));
                objects.put(ObjectKind.CREDENTIAL, credential.name(), SpecCodec.encode(credential), "{}", sealed);
                return "stored encrypted";
            }));
        }
        for (var channel : definition.notificationChannels()) {
            plan.change(ObjectKind.NOTIFICATION_CHANNEL, channel.name()).ifPresent(change -> run(change, () -> {
                objects.put(ObjectKind.NOTIFICATION_CHANNEL, channel.name(), SpecCodec.encode(channel), "{}", null);
                return "saved";
            }));
        }
        for (var destination : definition.destinations()) {
            plan.change(ObjectKind.DESTINATION, destination.name()).ifPresent(change -> run(change, () -> {
                Map<String, String> secrets = destination.credential() == null ? Map.of()
                        : plan.credentialValues().getOrDefault(destination.credential(), Map.of());
                Optional<String> failure = destinationCheck.failure(destination, secrets);
                if (failure.isPresent()) {
                    problems.add(new Problem(sources.locate(ObjectKind.DESTINATION, destination.name()), "CONNECTION_FAILED",
                            "destination " + destination.name() + " is not saved: its connection check failed: "
                                    + failure.get() + " (fix it, or apply with --no-check to save it unchecked)"));
                    return null;
                }
                objects.put(ObjectKind.DESTINATION, destination.name(), SpecCodec.encode(destination), "{}", null);
                return "saved, connection checked";
            }));
        }
        for (var connector : definition.eventConnectors()) {
            plan.change(ObjectKind.EVENT_CONNECTOR, connector.name()).ifPresent(change -> run(change, () -> {
                objects.put(ObjectKind.EVENT_CONNECTOR, connector.name(), SpecCodec.encode(connector), "{}", null);
                return "saved";
            }));
        }
        for (OrchestrationDefinition orchestration : definition.orchestrations()) {
            boolean changed = plan.change(ObjectKind.ORCHESTRATION, orchestration.name()).isPresent();
            boolean dependencyChanged = dependencies(orchestration).stream().anyMatch(d -> plan.change(d.kind(), d.name()).isPresent());
            if (changed || dependencyChanged) {
                PlannedChange change = plan.change(ObjectKind.ORCHESTRATION, orchestration.name())
                        .orElse(new PlannedChange(ObjectKind.ORCHESTRATION, orchestration.name(), Action.REFRESH, "check again"));
                run(change, () -> putOrchestration(orchestration, plan, sources, changed));
            }
        }
        return new ApplyResult(applied, problems);
    }

    private interface Step {
        String perform();
    }

    private void run(PlannedChange change, Step step) {
        listener.started(change);
        String outcome;
        try {
            outcome = step.perform();
        } catch (CohortException e) {
            throw new ApplyFailedException(applied, change, e);
        }
        if (outcome != null) {
            applied.add(change);
        }
        listener.finished(change, outcome == null ? "not applied" : outcome);
    }

    private String remove(PlannedChange removal) {
        if (removal.kind() == ObjectKind.TABLE) {
            engine.dropTable(removal.name());
        }
        objects.delete(removal.kind(), removal.name());
        return "removed";
    }

    private String buildTable(Plan plan, TableDefinition table) {
        TableState state;
        switch (table) {
            case LoadedTable loaded -> {
                String fingerprint = SourceFiles.fingerprint(plan.workspace().root(), loaded);
                LoadResult result = engine.load(new LoadRequest(loaded.name(),
                        plan.workspace().root().resolve(loaded.source().file()).normalize(), loaded.source().format(),
                        loaded.source().csv(), loaded.columns(), loaded.source().onBadRows()));
                state = new TableState(TableState.FROM_WORKSPACE, result.table().columns(), result.rowsLoaded(),
                        result.rowsSkipped(), fingerprint, clock.instant());
            }
            case SqlTable sql -> {
                TableInfo info = engine.createSqlTable(sql.name(), SqlText.clean(sql.sql()));
                state = new TableState(TableState.FROM_WORKSPACE, info.columns(), info.rowCount(), 0, null, clock.instant());
            }
        }
        checkPiiColumns(table, state.columns());
        objects.put(ObjectKind.TABLE, table.name(), SpecCodec.encode(table), StateCodec.encode(state), null);
        return String.format("%,d rows", state.rowCount())
                + (state.rowsSkipped() > 0 ? String.format(", %,d bad rows skipped", state.rowsSkipped()) : "");
    }

    private void checkPiiColumns(TableDefinition table, List<Column> columns) {
        for (String pii : table.piiColumns()) {
            if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(pii))) {
                problems.add(new Problem(dev.cohort.model.Location.key("tables." + table.name() + ".pii"), "UNKNOWN_COLUMN",
                        "table " + table.name() + " marks column '" + pii + "' as PII, but has no such column"
                                + dev.cohort.spi.Suggestions.didYouMean(pii, columns.stream().map(Column::name).toList())));
            }
        }
    }

    private String putQuery(QueryDefinition query, SourceMap sources) {
        QueryState state;
        String outcome;
        if (query.status() == QueryStatus.DRAFT) {
            state = new QueryState(QueryStatus.DRAFT, List.of(), null, null);
            outcome = "draft";
        } else {
            try {
                List<Column> columns = engine.describe(SqlText.clean(query.sql()));
                state = new QueryState(QueryStatus.ACTIVE, columns, null, clock.instant());
                outcome = "active, " + columns.size() + " columns";
            } catch (EngineException e) {
                state = new QueryState(QueryStatus.DRAFT, List.of(), e.getMessage(), clock.instant());
                outcome = "stays draft: its SQL fails";
                problems.add(new Problem(sources.locate(ObjectKind.QUERY, query.name()), "QUERY_INVALID",
                        "query " + query.name() + " stays draft: " + e.getMessage()));
            }
        }
        objects.put(ObjectKind.QUERY, query.name(), SpecCodec.encode(query), StateCodec.encode(state), null);
        return outcome;
    }

    private String putOrchestration(OrchestrationDefinition orchestration, Plan plan, SourceMap sources, boolean changed) {
        WorkspaceDefinition definition = plan.workspace().definition();
        List<String> reasons = new ArrayList<>();
        Optional<ConfiguredDestination> destination = Optional.empty();
        if (objects.find(ObjectKind.DESTINATION, orchestration.destination()).isEmpty()) {
            reasons.add("its destination " + orchestration.destination() + " was not saved (see its problem)");
        } else {
            destination = bound(orchestration.destination(), plan);
            destination.ifPresent(d -> reasons.addAll(sharedKey(orchestration, d, plan)));
        }
        if (orchestration.source() instanceof OrchestrationSource.Query query) {
            QueryState state = objects.find(ObjectKind.QUERY, query.query())
                    .map(o -> StateCodec.decode(o.stateJson(), QueryState.class))
                    .orElse(new QueryState(QueryStatus.DRAFT, List.of(), null, null));
            if (state.status() != QueryStatus.ACTIVE) {
                reasons.add("its query " + query.query() + " is a draft; only an active query can be sent"
                        + " (set 'status: active' and make its SQL valid)");
            } else {
                List<String> fields = state.columns().stream().map(Column::name).toList();
                if (orchestration.template() != null) {
                    DataTemplate template = definition.template(orchestration.template()).orElseThrow();
                    String sql = definition.query(query.query()).orElseThrow().sql();
                    reasons.addAll(OrchestrationCheck.templateFits(engine, template, sql, state.columns()));
                    fields = template.fields().stream().map(dev.cohort.model.TemplateField::name).toList();
                }
                if (reasons.isEmpty() && destination.isPresent()) {
                    reasons.addAll(destination.get().checkFields(fields));
                }
            }
        }
        if (!reasons.isEmpty()) {
            for (String reason : reasons) {
                problems.add(new Problem(sources.locate(ObjectKind.ORCHESTRATION, orchestration.name()),
                        "ORCHESTRATION_INVALID", "orchestration " + orchestration.name() + " is not saved: " + reason));
            }
            return null;
        }
        objects.put(ObjectKind.ORCHESTRATION, orchestration.name(), SpecCodec.encode(orchestration), "{}", null);
        return changed ? "saved" : "still valid";
    }

    /**
     * What the destination says no two orchestrations of one credential may share (an Insider One segment), when
     * another orchestration of the workspace already has it.
     */
    private List<String> sharedKey(OrchestrationDefinition orchestration, ConfiguredDestination destination, Plan plan) {
        Optional<String> key = destination.exclusiveKey();
        if (key.isEmpty()) {
            return List.of();
        }
        String scope = scope(destination.definition());
        // One already saved keeps its key; of two new ones sharing a key, the later is refused.
        boolean selfSaved = objects.find(ObjectKind.ORCHESTRATION, orchestration.name()).isPresent();
        boolean before = true;
        for (OrchestrationDefinition other : plan.workspace().definition().orchestrations()) {
            if (other.name().equals(orchestration.name())) {
                before = false;
                continue;
            }
            boolean otherSaved = objects.find(ObjectKind.ORCHESTRATION, other.name()).isPresent();
            if (!otherSaved && (selfSaved || !before)) {
                continue;
            }
            Optional<ConfiguredDestination> otherDestination = bound(other.destination(), plan);
            if (otherDestination.isPresent() && scope.equals(scope(otherDestination.get().definition()))
                    && key.equals(otherDestination.get().exclusiveKey())) {
                String credential = destination.definition().credential();
                return List.of(key.get() + " is already sent by orchestration " + other.name() + (credential == null ? ""
                        : " with the same credential (" + credential + ")") + "; " + destination.spec().displayName()
                        + " keeps one per account: give destination " + destination.definition().name()
                        + " another one, or send both audiences through one orchestration");
            }
        }
        return List.of();
    }

    /** What exclusive keys are unique within: the destination type and its credential (or the destination itself). */
    private static String scope(dev.cohort.model.DestinationDefinition destination) {
        return destination.type() + "|" + (destination.credential() != null ? "credential:" + destination.credential()
                : "destination:" + destination.name());
    }

    /** A destination of the workspace bound to its settings and credential values; empty when it cannot be. */
    private Optional<ConfiguredDestination> bound(String name, Plan plan) {
        return boundDestinations.computeIfAbsent(name, n -> {
            Optional<dev.cohort.model.DestinationDefinition> destination = plan.workspace().definition().destination(n);
            Optional<dev.cohort.spi.destination.DestinationType<?>> type = destination.flatMap(d -> destinationTypes.find(d.type()));
            if (type.isEmpty()) {
                return Optional.empty();
            }
            String credential = destination.get().credential();
            Map<String, String> values = Map.of();
            if (credential != null) {
                values = plan.credentialValues().get(credential);
                if (values == null) {
                    values = objects.find(ObjectKind.CREDENTIAL, credential).filter(o -> o.sealedSecret() != null)
                            .map(o -> vault.open(credential, o.sealedSecret())).orElse(Map.of());
                }
            }
            try {
                return Optional.of(ConfiguredDestination.bind(type.get(), destination.get(), values));
            } catch (dev.cohort.spi.config.ConfigException e) {
                return Optional.empty();
            }
        });
    }

    private static List<PlannedChangeKey> dependencies(OrchestrationDefinition orchestration) {
        List<PlannedChangeKey> keys = new ArrayList<>();
        if (orchestration.source() instanceof OrchestrationSource.Query query) {
            keys.add(new PlannedChangeKey(ObjectKind.QUERY, query.query()));
        }
        keys.add(new PlannedChangeKey(ObjectKind.DESTINATION, orchestration.destination()));
        if (orchestration.template() != null) {
            keys.add(new PlannedChangeKey(ObjectKind.DATA_TEMPLATE, orchestration.template()));
        }
        return keys;
    }

    private record PlannedChangeKey(ObjectKind kind, String name) {}
}

package dev.cohort.runtime.workspace;

import dev.cohort.engine.Column;
import dev.cohort.engine.Engine;
import dev.cohort.engine.Engines;
import dev.cohort.engine.LoadRequest;
import dev.cohort.engine.LoadResult;
import dev.cohort.engine.ResultPreview;
import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.FileFormat;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.QueryStatus;
import dev.cohort.spi.Suggestions;
import dev.cohort.model.TableDefinition;
import dev.cohort.model.TableSource;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.model.Run;
import dev.cohort.runtime.plugin.DestinationTypes;
import dev.cohort.runtime.run.ConfiguredDestination;
import dev.cohort.runtime.run.RunExecutor;
import dev.cohort.runtime.run.RunLauncher;
import dev.cohort.runtime.run.RunListener;
import dev.cohort.runtime.store.RunRepository;
import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import java.time.Duration;
import dev.cohort.runtime.secret.MasterKey;
import dev.cohort.runtime.template.Rejection;
import dev.cohort.runtime.template.TemplateEvaluator;
import dev.cohort.runtime.template.TemplateProjection;
import dev.cohort.runtime.secret.SecretBox;
import dev.cohort.runtime.store.MetadataStore;
import dev.cohort.runtime.store.MetadataStores;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.ObjectRepository;
import dev.cohort.runtime.store.StoredObject;
import dev.cohort.runtime.store.WorkspaceRecord;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One workspace's engine, metadata store and master key, opened together: what the CLI and the server
 * call to apply, load, list, preview and export. Not thread-safe; open one per command or request
 * scope. Closing it closes the engine and the store.
 */
public final class WorkspaceService implements AutoCloseable {
    public static final ErrorCode NOT_APPLIED = ErrorCode.user("WORKSPACE_NOT_APPLIED");
    public static final ErrorCode NOT_FOUND = ErrorCode.user("NOT_FOUND");
    /** A stored notification channel whose credential is not stored (an apply stopped part-way). */
    public static final ErrorCode CHANNEL_NOT_USABLE = ErrorCode.user("NOTIFICATION_CHANNEL_NOT_USABLE");
    /** A Running run whose heartbeat is older than this was left by a dead process. */
    public static final Duration ABANDONED_AFTER = RunExecutor.HEARTBEAT.multipliedBy(6);
    private static final String WORKER = hostName() + ":" + ProcessHandle.current().pid();

    private final WorkspaceHome home;
    private final MetadataStore store;
    private final WorkspaceRecord workspace;
    private final Map<String, String> environment;
    private final DestinationTypes destinationTypes;
    private final Clock clock;
    private Engine engine;

    private WorkspaceService(WorkspaceHome home, MetadataStore store, WorkspaceRecord workspace,
                             Map<String, String> environment) {
        this.home = home;
        this.store = store;
        this.workspace = workspace;
        this.environment = environment;
        this.destinationTypes = DestinationTypes.load();
        this.clock = Clock.systemUTC();
    }

    /**
     * Makes sure the workspace has a master key: {@code COHORT_MASTER_KEY}, or the key file, created
     * (mode 0600) when missing. Returns a line saying which.
     */
    public static String ensureMasterKey(WorkspaceHome home) {
        return ensureMasterKey(home, System.getenv());
    }

    static String ensureMasterKey(WorkspaceHome home, Map<String, String> environment) {
        if (environment.get(MasterKey.ENVIRONMENT_VARIABLE) != null) {
            return "master key: from " + MasterKey.ENVIRONMENT_VARIABLE;
        }
        Path keyFile = home.masterKeyFile();
        if (Files.exists(keyFile)) {
            return home.root().relativize(keyFile) + " (master key, kept)";
        }
        MasterKey.createFile(keyFile);
        return home.root().relativize(keyFile) + " (master key, mode 0600: back it up, keep it out of Git)";
    }

    /** Opens the workspace the files describe, creating it in the store on first apply. */
    public static WorkspaceService openForApply(WorkspaceHome home, WorkspaceDefinition definition) {
        return openForApply(home, definition, System.getenv());
    }

    /** As {@link #openForApply(WorkspaceHome, WorkspaceDefinition)}, reading variables from {@code environment}. */
    public static WorkspaceService openForApply(WorkspaceHome home, WorkspaceDefinition definition,
                                                Map<String, String> environment) {
        ensureMasterKey(home, environment);
        MasterKey key = MasterKey.resolve(environment, home.masterKeyFile());
        MetadataStore store = MetadataStores.open(home.metadataUrl());
        try {
            WorkspaceRecord record = store.findWorkspace(definition.name())
                    .orElseGet(() -> store.createWorkspace(definition.name(), definition.kind(), key.keyId()));
            key.requireMatches(record.name(), record.masterKeyId());
            return new WorkspaceService(home, store, record, environment);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Opens an applied workspace, named by the {@code cohort.yaml} in its folder. */
    public static WorkspaceService open(WorkspaceHome home) {
        return open(home, System.getenv());
    }

    /** As {@link #open(WorkspaceHome)}, reading variables from {@code environment}. */
    public static WorkspaceService open(WorkspaceHome home, Map<String, String> environment) {
        String name = WorkspaceReader.readName(home.root());
        MetadataStore store = MetadataStores.open(home.metadataUrl());
        Optional<WorkspaceRecord> record = store.findWorkspace(name);
        if (record.isEmpty()) {
            store.close();
            throw new CohortException(NOT_APPLIED, "workspace '" + name + "' has not been applied yet: run 'cohort apply -f "
                    + home.root() + "' first");
        }
        WorkspaceService service = new WorkspaceService(home, store, record.get(), environment);
        service.failAbandonedRuns();
        return service;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    public String workspaceName() {
        return workspace.name();
    }

    public Plan plan(LoadedWorkspace files) {
        return new Planner(engine(), objects(), destinationTypes, vault(), environment::get).plan(files);
    }

    /** Applies a plan, testing the connection of each destination it saves. */
    public ApplyResult apply(Plan plan, ApplyListener listener) {
        return apply(plan, listener, true);
    }

    /** Applies a plan; {@code checkConnections} false saves destinations without testing their connection. */
    public ApplyResult apply(Plan plan, ApplyListener listener, boolean checkConnections) {
        DestinationCheck check = checkConnections ? this::checkConnection : DestinationCheck.SKIP;
        ApplyResult result = new PlanExecutor(engine(), objects(), vault(), clock, listener, check, destinationTypes).execute(plan);
        return result.withQueued(runsAfterTables(result));
    }

    /** Requests the runs of orchestrations that wait for a table this apply built or loaded. */
    private List<Run> runsAfterTables(ApplyResult result) {
        java.util.Set<String> built = result.applied().stream()
                .filter(c -> c.kind() == ObjectKind.TABLE && c.action() != PlannedChange.Action.DELETE)
                .map(PlannedChange::name).collect(java.util.stream.Collectors.toSet());
        if (built.isEmpty()) {
            return List.of();
        }
        List<Run> queued = new java.util.ArrayList<>();
        for (dev.cohort.model.OrchestrationDefinition o : definition().orchestrations()) {
            if (o.workflow() instanceof dev.cohort.model.Workflow.AfterTable after && built.contains(after.table())) {
                queued.add(runs().create(o.name(), o.destination(), null, "after table " + after.table() + " was built",
                        clock.instant()));
            }
        }
        return queued;
    }

    private Optional<String> checkConnection(dev.cohort.model.DestinationDefinition destination, Map<String, String> secrets) {
        var type = destinationTypes.find(destination.type()).orElseThrow();
        CheckResult result = ConfiguredDestination.bind(type, destination, secrets).check(CheckContext.DEFAULT);
        return result.ok() ? Optional.empty() : Optional.of(result.summary());
    }

    /**
     * Edits single objects of this applied workspace with {@code apply}'s rules (the API's writes and actions):
     * queries, data templates, orchestrations, credentials with write-only values; activating a query;
     * testing a destination's connection.
     */
    public ObjectEditor editor() {
        return new ObjectEditor(home.root(), workspace.name(), this::definition, objects(), runs(), this::engine,
                destinationTypes, vault(), clock);
    }

    /**
     * Runs an orchestration now, in this process, and returns the finished run.
     *
     * @param testRows for a test run, the most rows to send; null for a full run
     */
    public Run run(String orchestration, Long testRows, RunListener listener) {
        return new RunLauncher(engine(), objects(), runs(), destinationTypes, vault(), clock, WORKER)
                .run(orchestration, testRows, "cli", listener);
    }

    /**
     * Requests and executes runs for a long-running worker (the server) named {@code worker}: runs are
     * requested into the queue and executed once claimed.
     */
    public RunLauncher launcher(String worker) {
        return launcher(worker, dev.cohort.runtime.run.PartnerReach.NONE);
    }

    /** As {@link #launcher(String)}, for a server that partners reach back into (files they fetch, callbacks). */
    public RunLauncher launcher(String worker, dev.cohort.runtime.run.PartnerReach reach) {
        return new RunLauncher(engine(), objects(), runs(), destinationTypes, vault(), clock, worker, reach);
    }

    /** The event queue of this workspace's event connectors. */
    public dev.cohort.runtime.store.EventRepository events() {
        return store().events(workspaceId());
    }

    /** This workspace's applied event connectors, bound to their platforms with their credentials' values. */
    public dev.cohort.runtime.event.EventConnectors eventConnectors() {
        return new dev.cohort.runtime.event.EventConnectors(objects(), vault(), dev.cohort.runtime.plugin.EventPlatforms.load());
    }

    /** A key for one purpose derived from the workspace's master key (the same on every node); see {@link MasterKey#deriveKey}. */
    public byte[] derivedKey(String purpose) {
        MasterKey key = MasterKey.resolve(environment, home.masterKeyFile());
        key.requireMatches(workspace.name(), workspace.masterKeyId());
        return key.deriveKey(purpose);
    }

    /** Where this workspace keeps its state on this node ({@code .cohort/} beside cohort.yaml). */
    public Path stateFolder() {
        return home.masterKeyFile().getParent();
    }

    /** The metadata store this workspace lives in, for the server's queue, schedules, feed and access. */
    public MetadataStore store() {
        return store;
    }

    public long workspaceId() {
        return workspace.id();
    }

    /** The latest runs, newest first; {@code orchestration} null for all. */
    public List<Run> runs(String orchestration, int limit) {
        return runs().list(orchestration, limit);
    }

    public Run runById(long id) {
        return runs().find(id).orElseThrow(() -> new CohortException(NOT_FOUND, "there is no run " + id
                + " in workspace '" + workspace.name() + "' ('cohort runs' lists them)"));
    }

    /**
     * Fails the runs a dead process left Running (no heartbeat for {@link #ABANDONED_AFTER}), so no run
     * stays Running after a crash; returns them.
     */
    public List<Run> failAbandonedRuns() {
        List<Run> failed = runs().failAbandoned(ABANDONED_AFTER, "RUN_INTERRUPTED", "the process running it ({worker}) stopped (a crash,"
                + " a kill or a restart) before it recorded its end; files are published only when complete, so a partner saw"
                + " no partial file (if it stopped just after publishing, its last file may be in place)", clock.instant());
        for (Run run : failed) {
            boolean again = objects().find(ObjectKind.ORCHESTRATION, run.orchestration())
                    .map(o -> (dev.cohort.model.OrchestrationDefinition) SpecCodec.decode(ObjectKind.ORCHESTRATION, o.name(), o.specJson()))
                    .map(o -> o.onInterruption() == dev.cohort.model.InterruptionPolicy.RUN_AGAIN).orElse(false);
            if (again) {
                String destination = objects().find(ObjectKind.ORCHESTRATION, run.orchestration())
                        .map(o -> ((dev.cohort.model.OrchestrationDefinition) SpecCodec.decode(ObjectKind.ORCHESTRATION,
                                o.name(), o.specJson())).destination()).orElse(null);
                runs().create(run.orchestration(), destination, run.testRows(), RunLauncher.RERUN_OF + run.id(), clock.instant());
            }
        }
        return failed;
    }

    private RunRepository runs() {
        return store.runs(workspace.id());
    }

    /** Loads a file into a table with {@code cohort load}; a table declared in the files keeps its declaration. */
    public LoadResult load(Path file, String table, FileFormat format, CsvOptions csv, BadRowPolicy policy) {
        dev.cohort.model.Names.checkTableName(table).ifPresent(why -> {
            throw new CohortException(ErrorCode.user("BAD_NAME"), why);
        });
        Optional<StoredObject> declared = objects().find(ObjectKind.TABLE, table)
                .or(() -> objects().list(ObjectKind.TABLE).stream().filter(o -> o.name().equalsIgnoreCase(table)).findFirst());
        boolean fromWorkspace = declared.map(o -> !TableState.FROM_CLI.equals(
                StateCodec.decode(o.stateJson(), TableState.class).origin())).orElse(false);
        if (declared.isPresent() && fromWorkspace
                && !(SpecCodec.decode(ObjectKind.TABLE, declared.get().name(), declared.get().specJson()) instanceof LoadedTable)) {
            throw new CohortException(ErrorCode.user("SQL_TABLE"), "table " + table + " is a SQL table built by"
                    + " 'cohort apply'; load into another table name");
        }
        List<dev.cohort.model.ColumnDefinition> declaredColumns = declared.filter(o -> fromWorkspace)
                .map(o -> SpecCodec.decode(ObjectKind.TABLE, o.name(), o.specJson()))
                .filter(LoadedTable.class::isInstance).map(t -> ((LoadedTable) t).columns()).orElse(List.of());
        LoadResult result = engine().load(new LoadRequest(table, file, format, csv, declaredColumns, policy));
        LoadedTable definition = new LoadedTable(table, "", new TableSource(file.toString(), format, csv, policy),
                List.of(), java.util.Set.of());
        String fingerprint = SourceFiles.fingerprint(file.getParent() == null ? Path.of(".") : file.getParent(), definition);
        TableState state = new TableState(fromWorkspace ? TableState.FROM_WORKSPACE : TableState.FROM_CLI,
                result.table().columns(), result.rowsLoaded(), result.rowsSkipped(), fingerprint, clock.instant());
        if (fromWorkspace) {
            objects().updateState(ObjectKind.TABLE, declared.get().name(), StateCodec.encode(state));
        } else {
            objects().put(ObjectKind.TABLE, result.table().name(), SpecCodec.encode(definition), StateCodec.encode(state), null);
        }
        return result;
    }

    public List<TableSummary> tables() {
        List<TableSummary> tables = new ArrayList<>();
        for (StoredObject stored : objects().list(ObjectKind.TABLE)) {
            TableDefinition definition = (TableDefinition) SpecCodec.decode(ObjectKind.TABLE, stored.name(), stored.specJson());
            TableState state = StateCodec.decode(stored.stateJson(), TableState.class);
            String kind;
            String source;
            switch (definition) {
                case LoadedTable loaded -> {
                    kind = TableState.FROM_CLI.equals(state.origin()) ? "loaded (cohort load)" : "loaded";
                    source = loaded.source().file();
                }
                case dev.cohort.model.SqlTable sql -> {
                    kind = "sql";
                    source = sql.sqlFile() != null ? sql.sqlFile() : "inline SQL";
                }
            }
            java.util.Set<String> pii = new java.util.LinkedHashSet<>();
            state.columns().stream().map(Column::name)
                    .filter(c -> definition.piiColumns().stream().anyMatch(p -> p.equalsIgnoreCase(c))).forEach(pii::add);
            tables.add(new TableSummary(stored.name(), kind, source, state.columns(), pii,
                    state.rowCount(), state.rowsSkipped(), state.builtAt()));
        }
        return tables;
    }

    public List<QuerySummary> queries() {
        List<QuerySummary> queries = new ArrayList<>();
        for (StoredObject stored : objects().list(ObjectKind.QUERY)) {
            QueryDefinition definition = (QueryDefinition) SpecCodec.decode(ObjectKind.QUERY, stored.name(), stored.specJson());
            QueryState state = StateCodec.decode(stored.stateJson(), QueryState.class);
            queries.add(new QuerySummary(stored.name(), definition.status(),
                    state.status() == null ? QueryStatus.DRAFT : state.status(), state.columns(), state.error(),
                    state.validatedAt()));
        }
        return queries;
    }

    public ResultPreview previewQuery(String queryName, int limit) {
        return engine().preview(SqlText.clean(query(queryName).sql()), limit);
    }

    /**
     * The first rows of a query shaped by a data template: the engine runs the template's projection,
     * Java applies the transforms SQL cannot; a rejected row shows its reason in place of its fields.
     */
    public ResultPreview previewTemplate(String queryName, String templateName, int limit) {
        QueryDefinition query = query(queryName);
        DataTemplate template = template(templateName);
        String sql = SqlText.clean(query.sql());
        TemplateProjection projection = TemplateProjection.compile(template, sql, engine().describe(sql), engine().dialect());
        ResultPreview raw = engine().preview(projection.sql(), limit);
        TemplateEvaluator evaluator = projection.newEvaluator();
        List<Column> columns = new ArrayList<>(projection.fieldNames().stream().map(n -> new Column(n, "VARCHAR")).toList());
        columns.add(new Column("rejected", "VARCHAR"));
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : raw.rows()) {
            String[] out = new String[projection.fieldNames().size()];
            Rejection rejection = evaluator.evaluate(row::get, out);
            List<String> shaped = new ArrayList<>(java.util.Arrays.asList(out));
            shaped.add(rejection == null ? "" : rejection.toString());
            rows.add(shaped);
        }
        return new ResultPreview(columns, rows, raw.truncated());
    }

    private DataTemplate template(String name) {
        Optional<StoredObject> stored = objects().find(ObjectKind.DATA_TEMPLATE, name);
        if (stored.isEmpty()) {
            List<String> names = objects().list(ObjectKind.DATA_TEMPLATE).stream().map(StoredObject::name).toList();
            throw new CohortException(NOT_FOUND, "there is no data template '" + name + "' in workspace '"
                    + workspace.name() + "'" + Suggestions.didYouMean(name, names));
        }
        return (DataTemplate) SpecCodec.decode(ObjectKind.DATA_TEMPLATE, name, stored.get().specJson());
    }

    /** Writes the stored state as a workspace folder; returns the files written. */
    public List<Path> export(Path folder) {
        return new WorkspaceExporter(home.root()).write(definition(), folder);
    }

    /** The workspace as stored: what {@code cohort export} writes. */
    public WorkspaceDefinition definition() {
        List<TableDefinition> tables = decodeAll(ObjectKind.TABLE, TableDefinition.class);
        return new WorkspaceDefinition(workspace.name(), workspace.kind(), tables,
                decodeAll(ObjectKind.QUERY, QueryDefinition.class),
                decodeAll(ObjectKind.DATA_TEMPLATE, dev.cohort.model.DataTemplate.class),
                decodeAll(ObjectKind.CREDENTIAL, dev.cohort.model.CredentialDefinition.class),
                decodeAll(ObjectKind.NOTIFICATION_CHANNEL, NotificationChannelDefinition.class),
                decodeAll(ObjectKind.DESTINATION, dev.cohort.model.DestinationDefinition.class),
                decodeAll(ObjectKind.ORCHESTRATION, dev.cohort.model.OrchestrationDefinition.class),
                decodeAll(ObjectKind.EVENT_CONNECTOR, dev.cohort.model.EventConnectorDefinition.class));
    }

    /**
     * Every applied notification channel with its credential's values opened under the master key, for
     * the server to build its senders from. The values live only in the returned records.
     *
     * @throws CohortException naming the channel when its credential is missing from the store
     */
    public List<ResolvedNotificationChannel> notificationChannels() {
        List<ResolvedNotificationChannel> channels = new ArrayList<>();
        for (NotificationChannelDefinition channel : decodeAll(ObjectKind.NOTIFICATION_CHANNEL, NotificationChannelDefinition.class)) {
            Map<String, String> secrets = Map.of();
            if (channel.credential().isPresent()) {
                String name = channel.credential().get();
                StoredObject credential = objects().find(ObjectKind.CREDENTIAL, name)
                        .filter(c -> c.sealedSecret() != null)
                        .orElseThrow(() -> new CohortException(CHANNEL_NOT_USABLE, "notification channel " + channel.name()
                                + " uses credential " + name + ", which workspace '" + workspace.name() + "' does not hold:"
                                + " apply the workspace again ('cohort apply -f " + home.root() + "')"));
                secrets = vault().open(name, credential.sealedSecret());
            }
            channels.add(new ResolvedNotificationChannel(channel, secrets));
        }
        return channels;
    }

    private <T> List<T> decodeAll(ObjectKind kind, Class<T> type) {
        return objects().list(kind).stream().map(o -> type.cast(SpecCodec.decode(kind, o.name(), o.specJson()))).toList();
    }

    private QueryDefinition query(String name) {
        Optional<StoredObject> stored = objects().find(ObjectKind.QUERY, name);
        if (stored.isEmpty()) {
            List<String> names = objects().list(ObjectKind.QUERY).stream().map(StoredObject::name).toList();
            throw new CohortException(NOT_FOUND, "there is no query '" + name + "' in workspace '" + workspace.name() + "'"
                    + Suggestions.didYouMean(name, names) + (names.isEmpty() ? "" : " (queries: " + String.join(", ", names) + ")"));
        }
        return (QueryDefinition) SpecCodec.decode(ObjectKind.QUERY, name, stored.get().specJson());
    }

    private ObjectRepository objects() {
        return store.objects(workspace.id());
    }

    private Engine engine() {
        if (engine == null) {
            engine = Engines.open(Engines.DEFAULT, home.databaseFile());
        }
        return engine;
    }

    private CredentialVault vault() {
        return new CredentialVault() {
            private MasterKeyVault delegate;

            private MasterKeyVault delegate() {
                if (delegate == null) {
                    MasterKey key = MasterKey.resolve(environment, home.masterKeyFile());
                    key.requireMatches(workspace.name(), workspace.masterKeyId());
                    delegate = new MasterKeyVault(new SecretBox(key), workspace.name());
                }
                return delegate;
            }

            @Override
            public byte[] seal(String credentialName, Map<String, String> values) {
                return delegate().seal(credentialName, values);
            }

            @Override
            public Map<String, String> open(String credentialName, byte[] sealed) {
                return delegate().open(credentialName, sealed);
            }
        };
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            store.close();
        }
    }
}

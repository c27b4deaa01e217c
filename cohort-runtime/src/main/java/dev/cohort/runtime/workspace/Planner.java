package dev.cohort.runtime.workspace;

import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineException;
import dev.cohort.engine.TableInfo;
import dev.cohort.model.CredentialDefinition;
import dev.cohort.model.DestinationDefinition;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.Location;
import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.Problems;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.QueryStatus;
import dev.cohort.model.SqlTable;
import dev.cohort.spi.Suggestions;
import dev.cohort.model.TableDefinition;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.plugin.DestinationTypes;
import dev.cohort.runtime.run.ConfiguredDestination;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.store.ObjectRepository;
import dev.cohort.runtime.store.StoredObject;
import dev.cohort.runtime.workspace.PlannedChange.Action;
import dev.cohort.spi.config.ConfigException;
import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.destination.DestinationType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes what {@code cohort apply} will change, after checking everything that can be checked
 * before a change: the files, every reference, the credentials' values and the SQL's table
 * references and cycles. Nothing is changed here.
 */
public final class Planner {
    private final Engine engine;
    private final ObjectRepository objects;
    private final DestinationTypes destinationTypes;
    private final CredentialVault vault;
    private final Function<String, String> environment;

    public Planner(Engine engine, ObjectRepository objects, DestinationTypes destinationTypes, CredentialVault vault,
                   Function<String, String> environment) {
        this.engine = engine;
        this.objects = objects;
        this.destinationTypes = destinationTypes;
        this.vault = vault;
        this.environment = environment;
    }

    /** @throws dev.cohort.model.ValidationException with every problem, when there is any */
    public Plan plan(LoadedWorkspace workspace) {
        WorkspaceDefinition definition = workspace.definition();
        SourceMap sources = workspace.sources();
        Problems problems = new Problems();
        problems.addAll(new WorkspaceValidator(destinationTypes).validate(workspace));

        Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
        SecretResolver resolver = new SecretResolver(environment, workspace.root(), this::storedValues);
        for (CredentialDefinition credential : definition.credentials()) {
            resolver.resolve(credential, sources.locate(ObjectKind.CREDENTIAL, credential.name()), problems)
                    .ifPresent(values -> secrets.put(credential.name(), values));
        }

        checkDestinations(definition, sources, secrets, problems);
        checkEventConnectors(definition, sources, secrets, problems);
        checkWebhookSecrets(definition, sources, secrets, problems);

        Map<String, StoredObject> storedTables = byName(ObjectKind.TABLE);
        Set<String> knownTables = new HashSet<>();
        definition.tables().forEach(t -> knownTables.add(SqlDependencies.key(t.name())));
        storedTables.values().stream()
                .filter(s -> TableState.FROM_CLI.equals(StateCodec.decode(s.stateJson(), TableState.class).origin()))
                .forEach(s -> knownTables.add(SqlDependencies.key(s.name())));
        List<String> allTableNames = new ArrayList<>(definition.tables().stream().map(TableDefinition::name).toList());

        Map<String, Set<String>> tableReads = new LinkedHashMap<>();
        for (TableDefinition table : definition.tables()) {
            Set<String> reads = new TreeSet<>();
            if (table instanceof SqlTable sql) {
                Location where = sources.locate(ObjectKind.TABLE, table.name());
                reads = references(sql.sql(), "SQL table '" + table.name() + "'", where, knownTables, allTableNames, problems);
            }
            tableReads.put(SqlDependencies.key(table.name()), reads);
        }
        for (QueryDefinition query : definition.queries()) {
            references(query.sql(), "query '" + query.name() + "'", sources.locate(ObjectKind.QUERY, query.name()),
                    knownTables, allTableNames, problems);
        }
        Optional<List<String>> order = SqlDependencies.order(tableReads);
        if (order.isEmpty()) {
            problems.add(Location.key("tables"), "TABLE_CYCLE", "SQL tables read each other in a cycle ("
                    + SqlDependencies.cycle(tableReads) + "): one of them must read a loaded table instead");
        }
        problems.throwIfAny();

        List<PlannedChange> changes = new ArrayList<>();
        List<String> tableOrder = order.get().stream()
                .map(key -> definition.tables().stream().filter(t -> SqlDependencies.key(t.name()).equals(key))
                        .findFirst().orElseThrow().name())
                .toList();
        Set<String> refreshed = planTables(workspace, tableOrder, tableReads, storedTables, changes);
        planQueries(definition, refreshed, changes);
        planSimple(ObjectKind.DATA_TEMPLATE, definition.templates(), changes);
        planCredentials(definition, secrets, changes);
        planSimple(ObjectKind.NOTIFICATION_CHANNEL, definition.notificationChannels(), Planner::describeChannel, changes);
        planSimple(ObjectKind.DESTINATION, definition.destinations(), changes);
        planSimple(ObjectKind.ORCHESTRATION, definition.orchestrations(), changes);
        planSimple(ObjectKind.EVENT_CONNECTOR, definition.eventConnectors(), changes);
        return new Plan(workspace, changes, tableOrder, secrets);
    }

    /** A credential's values as sealed in the store now, for {@code ${stored}} references; empty when none. */
    private Map<String, String> storedValues(String credential) {
        return objects.find(ObjectKind.CREDENTIAL, credential).filter(o -> o.sealedSecret() != null)
                .map(o -> vault.open(credential, o.sealedSecret())).orElse(Map.of());
    }

    /** Each destination's settings as its type reads them, and its credential's type: every problem up front. */
    private void checkDestinations(WorkspaceDefinition definition, SourceMap sources,
                                   Map<String, Map<String, String>> secrets, Problems problems) {
        for (DestinationDefinition destination : definition.destinations()) {
            Optional<DestinationType<?>> type = destinationTypes.find(destination.type());
            if (type.isEmpty()) {
                continue;
            }
            Location where = sources.locate(ObjectKind.DESTINATION, destination.name());
            String key = "destinations." + destination.name();
            String credentialType = type.get().spec().credentialType();
            Optional<CredentialDefinition> credential = Optional.ofNullable(destination.credential())
                    .flatMap(definition::credential);
            if (credentialType != null && destination.credential() == null) {
                problems.add(where.withKey(key + ".credential"), "MISSING_CREDENTIAL", type.get().spec().displayName()
                        + " destinations need a credential of type " + credentialType + ": add 'credential: <name>'");
            }
            if (credential.isPresent() && credentialType != null && !credential.get().type().equals(credentialType)) {
                problems.add(where.withKey(key + ".credential"), "CREDENTIAL_TYPE", "credential " + credential.get().name()
                        + " is of type " + credential.get().type() + ", but " + type.get().spec().displayName()
                        + " destinations need one of type " + credentialType);
            }
            if (credential.isPresent() && !secrets.containsKey(credential.get().name())) {
                continue;
            }
            Map<String, String> values = credential.map(c -> secrets.get(c.name())).orElse(Map.of());
            try {
                ConfiguredDestination.bind(type.get(), destination, values);
            } catch (ConfigException e) {
                for (ConfigProblem problem : e.problems()) {
                    String field = problem.field().startsWith("credential.") ? key + "." + problem.field()
                            : key + ".settings." + problem.field();
                    problems.add(where.withKey(field), "INVALID_SETTING", problem.message());
                }
            }
        }
    }

    /** Each event connector's platform settings as its platforms read them: every problem up front. */
    private static void checkEventConnectors(WorkspaceDefinition definition, SourceMap sources,
                                             Map<String, Map<String, String>> secrets, Problems problems) {
        if (definition.eventConnectors().isEmpty()) {
            return;
        }
        dev.cohort.runtime.plugin.EventPlatforms platforms = dev.cohort.runtime.plugin.EventPlatforms.load();
        for (dev.cohort.model.EventConnectorDefinition connector : definition.eventConnectors()) {
            Location where = sources.locate(ObjectKind.EVENT_CONNECTOR, connector.name());
            String key = "event_connectors." + connector.name();
            platforms.loyalty(connector.loyaltyPlatform()).ifPresent(platform -> configure(where, key + ".loyalty",
                    () -> platform.configure(new dev.cohort.spi.config.Settings(platform.spec().settings(),
                            connector.loyaltySettings(), secrets.getOrDefault(connector.loyaltyCredential(), Map.of()))), problems));
            if (connector.direction() == dev.cohort.model.EventConnectorDefinition.Direction.OUT && connector.credential() != null) {
                platforms.marketing(connector.platform()).ifPresent(platform -> configure(where, key,
                        () -> platform.configure(new dev.cohort.spi.config.Settings(platform.spec().settings(),
                                connector.settings(), secrets.getOrDefault(connector.credential(), Map.of()))), problems));
            }
        }
    }

    private static void configure(Location where, String key, Runnable configure, Problems problems) {
        try {
            configure.run();
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                String field = problem.field().startsWith("credential.") ? key + "." + problem.field() : key + ".settings." + problem.field();
                problems.add(where.withKey(field), "INVALID_SETTING", problem.message());
            }
        }
    }

    /**
     * Each webhook channel's secret is at least {@value NotificationChannelDefinition.Webhook#MIN_SECRET_LENGTH}
     * characters (a shorter one is too easy to guess to prove anything): checked once the values are read;
     * the problem says how long it must be, never what it is.
     */
    private static void checkWebhookSecrets(WorkspaceDefinition definition, SourceMap sources,
                                            Map<String, Map<String, String>> secrets, Problems problems) {
        Set<String> checked = new HashSet<>();
        for (NotificationChannelDefinition channel : definition.notificationChannels()) {
            if (!(channel.target() instanceof NotificationChannelDefinition.Webhook webhook)
                    || !checked.add(webhook.credential())) {
                continue;
            }
            String secret = secrets.getOrDefault(webhook.credential(), Map.of()).get(NotificationChannelDefinition.Webhook.SECRET);
            if (secret != null && secret.length() < NotificationChannelDefinition.Webhook.MIN_SECRET_LENGTH) {
                String key = "credentials." + webhook.credential() + ".values." + NotificationChannelDefinition.Webhook.SECRET;
                problems.add(sources.locate(ObjectKind.CREDENTIAL, webhook.credential()).withKey(key), "WEAK_SECRET",
                        "the value '" + NotificationChannelDefinition.Webhook.SECRET + "' of credential " + webhook.credential()
                                + " is shorter than " + NotificationChannelDefinition.Webhook.MIN_SECRET_LENGTH
                                + " characters; notification channel " + channel.name() + " signs its requests with it:"
                                + " use a random string of at least " + NotificationChannelDefinition.Webhook.MIN_SECRET_LENGTH
                                + " characters (e.g. from 'openssl rand -hex 32') and give the receiver the same one");
            }
        }
    }

    private static String describeChannel(NotificationChannelDefinition channel) {
        String levels = channel.levels().equals(NotificationChannelDefinition.ALL_LEVELS) ? "every level"
                : String.join(", ", channel.levels().stream().sorted().map(NotificationChannelDefinition.Level::keyword).toList());
        return switch (channel.target()) {
            case NotificationChannelDefinition.Webhook webhook -> "webhook to " + webhook.endpoint() + "; " + levels;
            case NotificationChannelDefinition.Email email -> "e-mail to " + email.to().size()
                    + (email.to().size() == 1 ? " recipient" : " recipients") + " via " + email.server() + "; " + levels;
        };
    }

    private Set<String> references(String sql, String what, Location where, Set<String> knownTables,
                                   List<String> allTableNames, Problems problems) {
        Set<String> reads = new TreeSet<>();
        try {
            for (String reference : engine.referencedTables(sql)) {
                String name = SqlDependencies.baseName(reference);
                String key = SqlDependencies.key(name);
                if (!knownTables.contains(key)) {
                    problems.add(where, "UNKNOWN_TABLE", what + " reads table '" + name + "', which is not in the workspace"
                            + Suggestions.didYouMean(name, allTableNames));
                }
                reads.add(key);
            }
        } catch (EngineException e) {
            problems.add(where, "SQL_ERROR", what + ": " + e.getMessage());
        }
        return reads;
    }

    /** Plans loads and builds in build order; returns the keys of tables that will change. */
    private Set<String> planTables(LoadedWorkspace workspace, List<String> order, Map<String, Set<String>> reads,
                                   Map<String, StoredObject> stored, List<PlannedChange> changes) {
        Map<String, TableInfo> inEngine = new HashMap<>();
        engine.tables().forEach(t -> inEngine.put(SqlDependencies.key(t.name()), t));
        Set<String> changing = new HashSet<>();
        for (String name : order) {
            TableDefinition table = workspace.definition().table(name).orElseThrow();
            String key = SqlDependencies.key(name);
            StoredObject previous = stored.get(name);
            String spec = SpecCodec.encode(table);
            Optional<String> upstream = reads.get(key).stream().filter(changing::contains).findFirst();
            PlannedChange change = null;
            if (previous == null) {
                change = new PlannedChange(ObjectKind.TABLE, name, Action.CREATE, describeSource(table));
            } else if (!previous.specJson().equals(spec)) {
                change = new PlannedChange(ObjectKind.TABLE, name, Action.UPDATE, "definition changed");
            } else if (!inEngine.containsKey(key)) {
                change = new PlannedChange(ObjectKind.TABLE, name, Action.REFRESH, "missing from the database");
            } else if (table instanceof LoadedTable loaded && !SourceFiles.fingerprint(workspace.root(), loaded)
                    .equals(StateCodec.decode(previous.stateJson(), TableState.class).sourceFingerprint())) {
                change = new PlannedChange(ObjectKind.TABLE, name, Action.REFRESH, loaded.source().file() + " changed");
            } else if (upstream.isPresent()) {
                change = new PlannedChange(ObjectKind.TABLE, name, Action.REFRESH, "reads " + upstream.get() + ", which changes");
            }
            if (change != null) {
                changes.add(change);
                changing.add(key);
            }
        }
        Set<String> desired = new HashSet<>(order.stream().map(SqlDependencies::key).toList());
        for (StoredObject previous : stored.values()) {
            boolean fromWorkspace = !TableState.FROM_CLI.equals(StateCodec.decode(previous.stateJson(), TableState.class).origin());
            if (fromWorkspace && !desired.contains(SqlDependencies.key(previous.name()))) {
                TableInfo info = inEngine.get(SqlDependencies.key(previous.name()));
                changes.add(new PlannedChange(ObjectKind.TABLE, previous.name(), Action.DELETE,
                        info == null ? "" : "drops " + String.format("%,d", info.rowCount()) + " rows"));
                changing.add(SqlDependencies.key(previous.name()));
            }
        }
        return changing;
    }

    private static String describeSource(TableDefinition table) {
        return switch (table) {
            case LoadedTable loaded -> "load " + loaded.source().file();
            case SqlTable sql -> "build from " + (sql.sqlFile() != null ? sql.sqlFile() : "SQL");
        };
    }

    private void planQueries(WorkspaceDefinition definition, Set<String> changingTables, List<PlannedChange> changes) {
        Map<String, StoredObject> stored = byName(ObjectKind.QUERY);
        for (QueryDefinition query : definition.queries()) {
            StoredObject previous = stored.get(query.name());
            if (previous == null) {
                changes.add(new PlannedChange(ObjectKind.QUERY, query.name(), Action.CREATE, query.status() == QueryStatus.ACTIVE
                        ? "validate and activate" : "draft"));
                continue;
            }
            if (!previous.specJson().equals(SpecCodec.encode(query))) {
                changes.add(new PlannedChange(ObjectKind.QUERY, query.name(), Action.UPDATE,
                        query.status() == QueryStatus.ACTIVE ? "changed; validate again" : "changed"));
                continue;
            }
            QueryState state = StateCodec.decode(previous.stateJson(), QueryState.class);
            if (query.status() == QueryStatus.ACTIVE && state.status() != QueryStatus.ACTIVE) {
                changes.add(new PlannedChange(ObjectKind.QUERY, query.name(), Action.REFRESH, "validate again: it failed last time"));
            } else if (query.status() == QueryStatus.ACTIVE && readsAny(query.sql(), changingTables)) {
                changes.add(new PlannedChange(ObjectKind.QUERY, query.name(), Action.REFRESH, "validate again: its tables change"));
            }
        }
        removals(ObjectKind.QUERY, definition.queries().stream().map(QueryDefinition::name).toList(), stored, changes);
    }

    private boolean readsAny(String sql, Set<String> tables) {
        return engine.referencedTables(sql).stream()
                .anyMatch(reference -> tables.contains(SqlDependencies.key(SqlDependencies.baseName(reference))));
    }

    private void planCredentials(WorkspaceDefinition definition, Map<String, Map<String, String>> secrets,
                                 List<PlannedChange> changes) {
        Map<String, StoredObject> stored = byName(ObjectKind.CREDENTIAL);
        for (CredentialDefinition credential : definition.credentials()) {
            StoredObject previous = stored.get(credential.name());
            if (previous == null) {
                changes.add(new PlannedChange(ObjectKind.CREDENTIAL, credential.name(), Action.CREATE, ""));
            } else if (!previous.specJson().equals(SpecCodec.encode(credential))) {
                changes.add(new PlannedChange(ObjectKind.CREDENTIAL, credential.name(), Action.UPDATE, "definition changed"));
            } else if (previous.sealedSecret() == null
                    || !vault.open(credential.name(), previous.sealedSecret()).equals(secrets.get(credential.name()))) {
                changes.add(new PlannedChange(ObjectKind.CREDENTIAL, credential.name(), Action.UPDATE, "values changed"));
            }
        }
        removals(ObjectKind.CREDENTIAL, definition.credentials().stream().map(CredentialDefinition::name).toList(),
                stored, changes);
    }

    private <T> void planSimple(ObjectKind kind, List<T> desired, List<PlannedChange> changes) {
        planSimple(kind, desired, object -> "", changes);
    }

    /** @param describe the reason shown for a new object */
    private <T> void planSimple(ObjectKind kind, List<T> desired, Function<T, String> describe, List<PlannedChange> changes) {
        Map<String, StoredObject> stored = byName(kind);
        List<String> names = new ArrayList<>();
        for (T object : desired) {
            String name = nameOf(object);
            names.add(name);
            StoredObject previous = stored.get(name);
            if (previous == null) {
                changes.add(new PlannedChange(kind, name, Action.CREATE, describe.apply(object)));
            } else if (!previous.specJson().equals(SpecCodec.encode(object))) {
                changes.add(new PlannedChange(kind, name, Action.UPDATE, "definition changed"));
            }
        }
        removals(kind, names, stored, changes);
    }

    private static void removals(ObjectKind kind, List<String> desired, Map<String, StoredObject> stored,
                                 List<PlannedChange> changes) {
        for (String name : stored.keySet()) {
            if (!desired.contains(name)) {
                changes.add(new PlannedChange(kind, name, Action.DELETE, ""));
            }
        }
    }

    private static String nameOf(Object definition) {
        return switch (definition) {
            case dev.cohort.model.DataTemplate t -> t.name();
            case dev.cohort.model.DestinationDefinition d -> d.name();
            case NotificationChannelDefinition c -> c.name();
            case dev.cohort.model.OrchestrationDefinition o -> o.name();
            case dev.cohort.model.EventConnectorDefinition c -> c.name();
            default -> throw new IllegalArgumentException(definition.getClass().getName());
        };
    }

    private Map<String, StoredObject> byName(ObjectKind kind) {
        Map<String, StoredObject> map = new LinkedHashMap<>();
        objects.list(kind).forEach(o -> map.put(o.name(), o));
        return map;
    }
}

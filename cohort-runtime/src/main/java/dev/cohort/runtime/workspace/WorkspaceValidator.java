package dev.cohort.runtime.workspace;

import dev.cohort.model.CredentialDefinition;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.DestinationDefinition;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.Location;
import dev.cohort.model.Names;
import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.OrchestrationSource;
import dev.cohort.model.Problem;
import dev.cohort.model.Problems;
import dev.cohort.spi.Suggestions;
import dev.cohort.model.TableDefinition;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.plugin.DestinationTypes;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.runtime.template.TemplateChecks;
import dev.cohort.spi.destination.DestinationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks what can be checked without the engine: every reference between objects, destination types
 * and their template contracts, and the files loaded tables come from. SQL is checked by the engine
 * when the workspace is planned.
 */
public final class WorkspaceValidator {
    private final DestinationTypes destinationTypes;

    public WorkspaceValidator(DestinationTypes destinationTypes) {
        this.destinationTypes = destinationTypes;
    }

    public List<Problem> validate(LoadedWorkspace workspace) {
        Problems problems = new Problems();
        WorkspaceDefinition definition = workspace.definition();
        SourceMap sources = workspace.sources();
        checkTables(workspace.root(), definition, sources, problems);
        for (DataTemplate template : definition.templates()) {
            Location where = sources.locate(ObjectKind.DATA_TEMPLATE, template.name());
            template.destinationTypeName().ifPresent(type -> destinationType(type, where, problems));
            Optional<DestinationType> type = template.destinationTypeName().flatMap(destinationTypes::find);
            for (Problem problem : templateProblems(template, type)) {
                problems.add(new Problem(at(where, problem.location()), problem.code(), problem.message()));
            }
        }
        for (DestinationDefinition destination : definition.destinations()) {
            Location where = sources.locate(ObjectKind.DESTINATION, destination.name());
            destinationType(destination.type(), where, problems);
            if (destination.credential() != null) {
                reference(destination.credential(), "credential", definition.credentials(),
                        c -> c.name(), where.withKey("destinations." + destination.name() + ".credential"), problems);
            }
        }
        for (NotificationChannelDefinition channel : definition.notificationChannels()) {
            checkNotificationChannel(channel, definition, sources, problems);
        }
        for (dev.cohort.model.EventConnectorDefinition connector : definition.eventConnectors()) {
            checkEventConnector(connector, definition, sources, problems);
        }
        checkAfterCycles(definition, sources, problems);
        for (OrchestrationDefinition orchestration : definition.orchestrations()) {
            checkOrchestration(orchestration, definition, sources, problems);
        }
        return problems.list();
    }

    /** The platforms an event connector names are installed, and its credentials exist with the right types. */
    private static void checkEventConnector(dev.cohort.model.EventConnectorDefinition connector, WorkspaceDefinition definition,
                                            SourceMap sources, Problems problems) {
        Location where = sources.locate(ObjectKind.EVENT_CONNECTOR, connector.name());
        String key = "event_connectors." + connector.name();
        dev.cohort.runtime.plugin.EventPlatforms platforms = EVENT_PLATFORMS.get();
        Optional<dev.cohort.spi.event.LoyaltyPlatform<?>> loyalty = platforms.loyalty(connector.loyaltyPlatform());
        if (loyalty.isEmpty()) {
            problems.add(where.withKey(key + ".loyalty.platform"), "UNKNOWN_PLATFORM", "unknown loyalty platform '"
                    + connector.loyaltyPlatform() + "'" + Suggestions.didYouMean(connector.loyaltyPlatform(), platforms.loyaltyNames())
                    + " (installed: " + String.join(", ", platforms.loyaltyNames()) + ")");
        } else {
            credentialOfType(connector.loyaltyCredential(), loyalty.get().spec().credentialType(), loyalty.get().spec().displayName(),
                    definition, where.withKey(key + ".loyalty.credential"), problems);
        }
        if (connector.direction() == dev.cohort.model.EventConnectorDefinition.Direction.OUT) {
            Optional<dev.cohort.spi.event.MarketingPlatform<?>> marketing = platforms.marketing(connector.platform());
            if (marketing.isEmpty()) {
                problems.add(where.withKey(key + ".platform"), "UNKNOWN_PLATFORM", "unknown platform '" + connector.platform()
                        + "'" + Suggestions.didYouMean(connector.platform(), platforms.marketingNames()) + " (installed: "
                        + String.join(", ", platforms.marketingNames()) + ")");
            } else if (connector.credential() != null) {
                credentialOfType(connector.credential(), marketing.get().spec().credentialType(),
                        marketing.get().spec().displayName(), definition, where.withKey(key + ".credential"), problems);
            }
        }
        credentialOfType(connector.externalKey(), dev.cohort.model.EventConnectorDefinition.EXTERNAL_KEY_CREDENTIAL_TYPE,
                "event connector external keys", definition, where.withKey(key + ".external_key"), problems)
                .filter(c -> !c.values().containsKey(dev.cohort.model.EventConnectorDefinition.EXTERNAL_KEY))
                .ifPresent(c -> problems.add(where.withKey(key + ".external_key"), "MISSING_VALUE", "credential " + c.name()
                        + " has no value '" + dev.cohort.model.EventConnectorDefinition.EXTERNAL_KEY + "', which callers send as"
                        + " X-Auth-Token: add external_key: ${env:…} (a long random string) to its values"));
    }

    private static Optional<CredentialDefinition> credentialOfType(String name, String type, String user,
                                                                   WorkspaceDefinition definition, Location where,
                                                                   Problems problems) {
        Optional<CredentialDefinition> credential = reference(name, "credential", definition.credentials(),
                CredentialDefinition::name, where, problems);
        if (credential.isPresent() && !credential.get().type().equals(type)) {
            problems.add(where, "CREDENTIAL_TYPE", "credential " + name + " is of type " + credential.get().type() + ", but "
                    + user + " need one of type " + type);
            return Optional.empty();
        }
        return credential;
    }

    private static final java.util.function.Supplier<dev.cohort.runtime.plugin.EventPlatforms> EVENT_PLATFORMS =
            new java.util.function.Supplier<>() {
                private volatile dev.cohort.runtime.plugin.EventPlatforms loaded;

                @Override
                public dev.cohort.runtime.plugin.EventPlatforms get() {
                    if (loaded == null) {
                        loaded = dev.cohort.runtime.plugin.EventPlatforms.load();
                    }
                    return loaded;
                }
            };

    /** The credential a channel names exists, is of the right type and holds the values the channel uses. */
    private static void checkNotificationChannel(NotificationChannelDefinition channel, WorkspaceDefinition definition,
                                                 SourceMap sources, Problems problems) {
        Location where = sources.locate(ObjectKind.NOTIFICATION_CHANNEL, channel.name());
        String key = "notifications." + channel.name();
        switch (channel.target()) {
            case NotificationChannelDefinition.Webhook webhook -> channelCredential(channel, "webhook",
                    webhook.credential(), NotificationChannelDefinition.Webhook.CREDENTIAL_TYPE,
                    List.of(NotificationChannelDefinition.Webhook.SECRET), definition, sources,
                    where.withKey(key + ".webhook.credential"), problems);
            case NotificationChannelDefinition.Email email -> {
                if (email.credential() != null) {
                    channelCredential(channel, "e-mail", email.credential(),
                            NotificationChannelDefinition.Email.CREDENTIAL_TYPE,
                            List.of(NotificationChannelDefinition.Email.USERNAME, NotificationChannelDefinition.Email.PASSWORD),
                            definition, sources, where.withKey(key + ".email.credential"), problems);
                }
            }
        }
    }

    private static void channelCredential(NotificationChannelDefinition channel, String channelKind, String name,
                                          String type, List<String> needed, WorkspaceDefinition definition,
                                          SourceMap sources, Location where, Problems problems) {
        Optional<CredentialDefinition> credential = reference(name, "credential", definition.credentials(),
                CredentialDefinition::name, where, problems);
        if (credential.isEmpty()) {
            return;
        }
        if (!credential.get().type().equals(type)) {
            problems.add(where, "CREDENTIAL_TYPE", "credential " + name + " is of type " + credential.get().type()
                    + ", but " + channelKind + " notification channels need one of type " + type);
            return;
        }
        for (String value : needed) {
            if (!credential.get().values().containsKey(value)) {
                problems.add(sources.locate(ObjectKind.CREDENTIAL, name).withKey("credentials." + name + ".values"),
                        "MISSING_VALUE", "credential " + name + " has no value '" + value + "', which notification channel "
                                + channel.name() + " needs: add " + value + ": ${env:…} (or ${file:…}) to its values");
            }
        }
    }

    private static List<Problem> templateProblems(DataTemplate template, Optional<DestinationType> type) {
        return TemplateChecks.check(template, type.map(t -> t.spec().template()));
    }

    private void checkTables(Path root, WorkspaceDefinition definition, SourceMap sources, Problems problems) {
        Map<String, String> seen = new HashMap<>();
        for (TableDefinition table : definition.tables()) {
            Location where = sources.locate(ObjectKind.TABLE, table.name());
            String previous = seen.putIfAbsent(Names.tableKey(table.name()), table.name());
            if (previous != null) {
                problems.add(where, "DUPLICATE_NAME", "table '" + table.name() + "' has the same name as '" + previous
                        + "' (table names ignore case); rename one");
            }
            if (table instanceof LoadedTable loaded) {
                Path file = root.resolve(loaded.source().file()).normalize();
                if (!Files.isRegularFile(file)) {
                    problems.add(where.withKey("tables." + table.name() + ".file"), "FILE_NOT_FOUND",
                            "there is no file " + loaded.source().file() + " (looked for " + file + ")");
                } else if (!Files.isReadable(file)) {
                    problems.add(where.withKey("tables." + table.name() + ".file"), "UNREADABLE",
                            "cannot read " + file + ": check its permissions");
                }
                if (!loaded.columns().isEmpty()) {
                    for (String pii : loaded.piiColumns()) {
                        boolean declared = loaded.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(pii));
                        if (!declared) {
                            problems.add(where.withKey("tables." + table.name() + ".pii"), "UNKNOWN_COLUMN",
                                    "pii names column '" + pii + "', which is not among the declared columns"
                                            + Suggestions.didYouMean(pii, loaded.columns().stream().map(c -> c.name()).toList()));
                        }
                    }
                }
            }
        }
    }

    private void checkOrchestration(OrchestrationDefinition orchestration, WorkspaceDefinition definition,
                                    SourceMap sources, Problems problems) {
        Location where = sources.locate(ObjectKind.ORCHESTRATION, orchestration.name());
        String key = "orchestrations." + orchestration.name();
        switch (orchestration.source()) {
            case OrchestrationSource.Query query -> reference(query.query(), "query", definition.queries(),
                    q -> q.name(), where.withKey(key + ".query"), problems);
            case OrchestrationSource.DatabaseExport export -> {
                for (String table : export.tables()) {
                    if (definition.table(table).isEmpty()) {
                        problems.add(where.withKey(key + ".export"), "UNKNOWN_TABLE", "there is no table '" + table + "'"
                                + Suggestions.didYouMean(table, definition.tables().stream().map(TableDefinition::name).toList()));
                    }
                }
            }
        }
        switch (orchestration.workflow()) {
            case dev.cohort.model.Workflow.AfterOrchestration after -> {
                if (after.orchestration().equals(orchestration.name())) {
                    problems.add(where.withKey(key + ".workflow.after"), "AFTER_ITSELF", "orchestration '" + orchestration.name()
                            + "' cannot run after itself: name another orchestration, or use a schedule");
                } else {
                    reference(after.orchestration(), "orchestration", definition.orchestrations(), o -> o.name(),
                            where.withKey(key + ".workflow.after"), problems);
                }
            }
            case dev.cohort.model.Workflow.AfterTable after -> {
                if (definition.table(after.table()).isEmpty()) {
                    problems.add(where.withKey(key + ".workflow.after_table"), "UNKNOWN_TABLE", "there is no table '"
                            + after.table() + "'" + Suggestions.didYouMean(after.table(),
                            definition.tables().stream().map(TableDefinition::name).toList()));
                }
            }
            default -> { }
        }
        Optional<DestinationDefinition> destination = reference(orchestration.destination(), "destination",
                definition.destinations(), d -> d.name(), where.withKey(key + ".destination"), problems);
        if (orchestration.template() != null) {
            Optional<DataTemplate> template = reference(orchestration.template(), "data template", definition.templates(),
                    t -> t.name(), where.withKey(key + ".data_template"), problems);
            if (template.isPresent() && destination.isPresent() && template.get().destinationType() != null
                    && !template.get().destinationType().equals(destination.get().type())) {
                problems.add(where.withKey(key + ".data_template"), "TEMPLATE_TYPE_MISMATCH", "data template '"
                        + template.get().name() + "' is for " + template.get().destinationType() + " destinations, but '"
                        + destination.get().name() + "' is a " + destination.get().type() + " destination");
            }
        }
    }

    /** Orchestrations that run after each other in a circle would run forever: refused, naming the circle. */
    private static void checkAfterCycles(WorkspaceDefinition definition, SourceMap sources, Problems problems) {
        java.util.Map<String, String> after = new java.util.HashMap<>();
        for (OrchestrationDefinition o : definition.orchestrations()) {
            if (o.workflow() instanceof dev.cohort.model.Workflow.AfterOrchestration a && !a.orchestration().equals(o.name())) {
                after.put(o.name(), a.orchestration());
            }
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (String start : new java.util.TreeSet<>(after.keySet())) {
            java.util.List<String> path = new java.util.ArrayList<>();
            String current = start;
            while (current != null && !path.contains(current)) {
                path.add(current);
                current = after.get(current);
            }
            if (current != null && current.equals(start) && reported.add(new java.util.TreeSet<>(path).toString())) {
                path.add(start);
                problems.add(sources.locate(ObjectKind.ORCHESTRATION, start).withKey("orchestrations." + start + ".workflow.after"),
                        "AFTER_CYCLE", "orchestrations run after each other in a circle (" + String.join(" → ", path)
                                + "), which would never stop: start one of them on a schedule or by hand");
            }
        }
    }

    private void destinationType(String type, Location where, Problems problems) {
        if (destinationTypes.find(type).isEmpty()) {
            problems.add(where, "UNKNOWN_DESTINATION_TYPE", "unknown destination type '" + type + "'"
                    + Suggestions.didYouMean(type, destinationTypes.names())
                    + (destinationTypes.names().isEmpty() ? " (no destination types are installed)"
                    : " (known types: " + String.join(", ", destinationTypes.names()) + ")"));
        }
    }

    private static <T> Optional<T> reference(String name, String what, List<T> candidates, Function<T, String> nameOf,
                                             Location where, Problems problems) {
        Optional<T> found = candidates.stream().filter(c -> nameOf.apply(c).equals(name)).findFirst();
        if (found.isEmpty()) {
            problems.add(where, "UNKNOWN_REFERENCE", "there is no " + what + " '" + name + "'"
                    + Suggestions.didYouMean(name, candidates.stream().map(nameOf).toList()));
        }
        return found;
    }

    /** The object's file and line with the key path of the detailed problem. */
    private static Location at(Location object, Location detail) {
        return new Location(object.file(), object.line(), object.column(), detail.key() != null ? detail.key() : object.key());
    }
}

package dev.cohort.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole workspace as its files describe it: the desired state that {@code cohort apply} makes real
 * and {@code cohort export} writes back.
 */
public record WorkspaceDefinition(
        String name,
        WorkspaceKind kind,
        List<TableDefinition> tables,
        List<QueryDefinition> queries,
        List<DataTemplate> templates,
        List<CredentialDefinition> credentials,
        List<NotificationChannelDefinition> notificationChannels,
        List<DestinationDefinition> destinations,
        List<OrchestrationDefinition> orchestrations,
        List<EventConnectorDefinition> eventConnectors) {

    public WorkspaceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        tables = List.copyOf(tables);
        queries = List.copyOf(queries);
        templates = List.copyOf(templates);
        credentials = List.copyOf(credentials);
        notificationChannels = List.copyOf(notificationChannels);
        destinations = List.copyOf(destinations);
        orchestrations = List.copyOf(orchestrations);
        eventConnectors = eventConnectors == null ? List.of() : List.copyOf(eventConnectors);
    }

    /** A workspace without event connectors. */
    public WorkspaceDefinition(String name, WorkspaceKind kind, List<TableDefinition> tables, List<QueryDefinition> queries,
                               List<DataTemplate> templates, List<CredentialDefinition> credentials,
                               List<NotificationChannelDefinition> notificationChannels,
                               List<DestinationDefinition> destinations, List<OrchestrationDefinition> orchestrations) {
        this(name, kind, tables, queries, templates, credentials, notificationChannels, destinations, orchestrations, List.of());
    }

    public Optional<EventConnectorDefinition> eventConnector(String connectorName) {
        return eventConnectors.stream().filter(c -> c.name().equals(connectorName)).findFirst();
    }

    public static WorkspaceDefinition empty(String name, WorkspaceKind kind) {
        return new WorkspaceDefinition(name, kind, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    public Optional<TableDefinition> table(String tableName) {
        String key = Names.tableKey(tableName);
        return tables.stream().filter(t -> Names.tableKey(t.name()).equals(key)).findFirst();
    }

    public Optional<QueryDefinition> query(String queryName) {
        return queries.stream().filter(q -> q.name().equals(queryName)).findFirst();
    }

    public Optional<DataTemplate> template(String templateName) {
        return templates.stream().filter(t -> t.name().equals(templateName)).findFirst();
    }

    public Optional<CredentialDefinition> credential(String credentialName) {
        return credentials.stream().filter(c -> c.name().equals(credentialName)).findFirst();
    }

    public Optional<NotificationChannelDefinition> notificationChannel(String channelName) {
        return notificationChannels.stream().filter(c -> c.name().equals(channelName)).findFirst();
    }

    public Optional<DestinationDefinition> destination(String destinationName) {
        return destinations.stream().filter(d -> d.name().equals(destinationName)).findFirst();
    }

    public Optional<OrchestrationDefinition> orchestration(String orchestrationName) {
        return orchestrations.stream().filter(o -> o.name().equals(orchestrationName)).findFirst();
    }
}

package dev.cohort.runtime.workspace;

import dev.cohort.model.CredentialDefinition;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.DestinationDefinition;
import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.Problems;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.TableDefinition;
import dev.cohort.runtime.store.ObjectKind;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Object specifications as the JSON the metadata store keeps: the {@code cohort.yaml} shape of
 * {@link WorkspaceEncoder}, read back with the same readers as the files (JSON is YAML).
 */
public final class SpecCodec {
    public static final ErrorCode CORRUPT_SPEC = ErrorCode.internal("CORRUPT_SPEC");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SpecCodec() {}

    public static String encode(Object definition) {
        Map<String, Object> map = switch (definition) {
            case TableDefinition table -> WorkspaceEncoder.table(table, true);
            case QueryDefinition query -> WorkspaceEncoder.query(query, true);
            case DataTemplate template -> WorkspaceEncoder.template(template);
            case CredentialDefinition credential -> WorkspaceEncoder.credential(credential);
            case NotificationChannelDefinition channel -> WorkspaceEncoder.notificationChannel(channel);
            case DestinationDefinition destination -> WorkspaceEncoder.destination(destination);
            case OrchestrationDefinition orchestration -> WorkspaceEncoder.orchestration(orchestration);
            case dev.cohort.model.EventConnectorDefinition connector -> EventConnectorFormat.encode(connector);
            default -> throw new IllegalArgumentException("not a workspace object: " + definition.getClass());
        };
        return JSON.writeValueAsString(map);
    }

    public static ObjectKind kindOf(Object definition) {
        return switch (definition) {
            case TableDefinition table -> ObjectKind.TABLE;
            case QueryDefinition query -> ObjectKind.QUERY;
            case DataTemplate template -> ObjectKind.DATA_TEMPLATE;
            case CredentialDefinition credential -> ObjectKind.CREDENTIAL;
            case NotificationChannelDefinition channel -> ObjectKind.NOTIFICATION_CHANNEL;
            case DestinationDefinition destination -> ObjectKind.DESTINATION;
            case OrchestrationDefinition orchestration -> ObjectKind.ORCHESTRATION;
            case dev.cohort.model.EventConnectorDefinition connector -> ObjectKind.EVENT_CONNECTOR;
            default -> throw new IllegalArgumentException("not a workspace object: " + definition.getClass());
        };
    }

    /** Reads a stored specification back into its definition. */
    public static Object decode(ObjectKind kind, String name, String json) {
        Problems problems = new Problems();
        String label = "stored " + kind.label() + " " + name;
        SqlSource inline = new SqlSource() {
            @Override
            public Optional<String> read(String relativePath, YamlNode where) {
                where.problem("CORRUPT_SPEC", "the stored specification has no inline SQL");
                return Optional.empty();
            }

            @Override
            public boolean inlineWithFile() {
                return true;
            }
        };
        Optional<?> definition = WorkspaceReader.parse(json, label, problems).flatMap(YamlNode::map).flatMap(map -> switch (kind) {
            case TABLE -> TableFormat.read(name, map, inline);
            case QUERY -> ObjectFormat.query(name, map, inline);
            case DATA_TEMPLATE -> TemplateFormat.read(name, map);
            case CREDENTIAL -> ObjectFormat.credential(name, map);
            case NOTIFICATION_CHANNEL -> NotificationFormat.read(name, map);
            case DESTINATION -> ObjectFormat.destination(name, map);
            case ORCHESTRATION -> ObjectFormat.orchestration(name, map);
            case EVENT_CONNECTOR -> EventConnectorFormat.read(name, map);
        });
        if (!problems.isEmpty() || definition.isEmpty()) {
            throw new CohortException(CORRUPT_SPEC, "The metadata store holds a " + kind.label() + " '" + name
                    + "' that this version of Cohort cannot read (" + problems.list() + ")."
                    + " Apply the workspace again to replace it.");
        }
        return definition.get();
    }
}

package dev.cohort.runtime.workspace;

import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CredentialDefinition;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.DataTemplate;
import dev.cohort.model.DestinationDefinition;
import dev.cohort.model.FieldSource;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.OrchestrationSource;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.SqlTable;
import dev.cohort.model.TableDefinition;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Transform;
import dev.cohort.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes workspace objects in their {@code cohort.yaml} shape, as ordered maps and lists of plain
 * values. The store keeps this shape as JSON and {@code cohort export} writes it as YAML, so there is
 * one format, read by {@link WorkspaceReader} and written here.
 */
public final class WorkspaceEncoder {
    private WorkspaceEncoder() {}

    /**
     * @param withInlineSql also write the SQL text next to {@code sql_file} (the store keeps both, so a
     *                      change in a SQL file changes the stored specification)
     */
    public static Map<String, Object> table(TableDefinition table, boolean withInlineSql) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotEmpty(map, "description", table.description());
        switch (table) {
            case LoadedTable loaded -> {
                map.put("file", loaded.source().file());
                map.put("format", loaded.source().format().keyword());
                CsvOptions csv = loaded.source().csv();
                if (loaded.source().format() == dev.cohort.model.FileFormat.CSV && !csv.equals(CsvOptions.DEFAULT)) {
                    Map<String, Object> options = new LinkedHashMap<>();
                    options.put("delimiter", csv.delimiter() == '\t' ? "\\t" : String.valueOf(csv.delimiter()));
                    options.put("header", csv.header());
                    options.put("quote", String.valueOf(csv.quote()));
                    options.put("escape", String.valueOf(csv.escape()));
                    options.put("null", csv.nullString());
                    map.put("csv", options);
                }
                if (loaded.source().onBadRows() != dev.cohort.model.BadRowPolicy.FAIL) {
                    map.put("on_bad_rows", "skip");
                }
                if (!loaded.columns().isEmpty()) {
                    Map<String, Object> columns = new LinkedHashMap<>();
                    for (ColumnDefinition column : loaded.columns()) {
                        columns.put(column.name(), column.pii() ? piiColumn(column.type()) : column.type());
                    }
                    map.put("columns", columns);
                }
                TreeSet<String> extraPii = new TreeSet<>(loaded.piiColumns());
                loaded.columns().stream().filter(ColumnDefinition::pii).map(ColumnDefinition::name).forEach(extraPii::remove);
                if (!extraPii.isEmpty()) {
                    map.put("pii", new ArrayList<>(extraPii));
                }
            }
            case SqlTable sql -> {
                putSql(map, sql.sql(), sql.sqlFile(), withInlineSql);
                if (!sql.piiColumns().isEmpty()) {
                    map.put("pii", new ArrayList<>(new TreeSet<>(sql.piiColumns())));
                }
            }
        }
        return map;
    }

    /** {@code {type: T, pii: true}}, always in that order: the stored JSON must not change between processes. */
    private static Map<String, Object> piiColumn(String type) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("pii", true);
        return map;
    }

    public static Map<String, Object> query(QueryDefinition query, boolean withInlineSql) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotEmpty(map, "description", query.description());
        putSql(map, query.sql(), query.sqlFile(), withInlineSql);
        map.put("status", query.status().name().toLowerCase(java.util.Locale.ROOT));
        return map;
    }

    public static Map<String, Object> template(DataTemplate template) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotEmpty(map, "description", template.description());
        if (template.destinationType() != null) {
            map.put("destination_type", template.destinationType());
        }
        List<Object> fields = new ArrayList<>();
        for (TemplateField field : template.fields()) {
            fields.add(field(field));
        }
        map.put("fields", fields);
        return map;
    }

    private static Map<String, Object> field(TemplateField field) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", field.name());
        switch (field.source()) {
            case FieldSource.Column column -> map.put("column", column.column());
            case FieldSource.Expression expression -> map.put("expression", expression.sql());
            case FieldSource.Constant constant -> map.put("constant", constant.value());
            case FieldSource.Blank blank -> map.put("blank", true);
        }
        if (!field.transforms().isEmpty()) {
            map.put("transforms", field.transforms().stream().map(WorkspaceEncoder::transform).toList());
        }
        return map;
    }

    private static Object transform(Transform transform) {
        return switch (transform) {
            case Transform.Phone phone -> Map.of("phone", Map.of("region", phone.defaultRegion()));
            case Transform.Uuid uuid -> {
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("from", uuid.mode() == Transform.UuidMode.PARSE ? "value" : "name");
                if (uuid.mode() == Transform.UuidMode.NAME_BASED && !uuid.namespace().equals(Transform.Uuid.DEFAULT_NAMESPACE)) {
                    options.put("namespace", uuid.namespace().toString());
                }
                yield Map.of("uuid", options);
            }
            default -> transform.keyword();
        };
    }

    public static Map<String, Object> credential(CredentialDefinition credential) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotEmpty(map, "description", credential.description());
        map.put("type", credential.type());
        Map<String, Object> values = new LinkedHashMap<>();
        // sorted: the record's map iterates in an order that changes from one process to the next
        new java.util.TreeMap<>(credential.values()).forEach((key, ref) -> values.put(key, ref.reference()));
        map.put("values", values);
        return map;
    }

    /** The channel as written in {@code cohort.yaml}; it holds the name of its credential, never a value. */
    public static Map<String, Object> notificationChannel(NotificationChannelDefinition channel) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotEmpty(map, "description", channel.description());
        switch (channel.target()) {
            case NotificationChannelDefinition.Webhook webhook -> {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("url", webhook.url());
                target.put("credential", webhook.credential());
                map.put("webhook", target);
            }
            case NotificationChannelDefinition.Email email -> {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("host", email.host());
                target.put("port", email.port());
                target.put("security", email.security().keyword());
                if (email.credential() != null) {
                    target.put("credential", email.credential());
                }
                target.put("from", email.from());
                target.put("to", new ArrayList<>(email.to()));
                map.put("email", target);
            }
        }
        map.put("levels", channel.levels().stream().sorted().map(NotificationChannelDefinition.Level::keyword).toList());
        return map;
    }

    public static Map<String, Object> destination(DestinationDefinition destination) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotEmpty(map, "description", destination.description());
        map.put("type", destination.type());
        if (destination.credential() != null) {
            map.put("credential", destination.credential());
        }
        map.put("admin_only", destination.adminOnly());
        map.put("pii_allowed", destination.piiAllowed());
        if (!destination.settings().isEmpty()) {
            map.put("settings", new java.util.TreeMap<>(destination.settings()));
        }
        return map;
    }

    public static Map<String, Object> orchestration(OrchestrationDefinition orchestration) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfNotEmpty(map, "description", orchestration.description());
        switch (orchestration.source()) {
            case OrchestrationSource.Query query -> map.put("query", query.query());
            case OrchestrationSource.DatabaseExport export -> map.put("export", export.tables());
        }
        map.put("destination", orchestration.destination());
        if (orchestration.template() != null) {
            map.put("data_template", orchestration.template());
        }
        switch (orchestration.workflow()) {
            case Workflow.Manual manual -> map.put("workflow", "manual");
            case Workflow.AfterOrchestration after -> map.put("workflow", Map.of("after", after.orchestration()));
            case Workflow.AfterTable after -> map.put("workflow", Map.of("after_table", after.table()));
            case Workflow.Automatic automatic -> {
                Map<String, Object> workflow = new LinkedHashMap<>();
                workflow.put("schedule", automatic.cron());
                workflow.put("time_zone", automatic.timeZone().getId());
                map.put("workflow", workflow);
            }
        }
        if (orchestration.onInterruption() != dev.cohort.model.InterruptionPolicy.FAIL) {
            map.put("on_interruption", "run_again");
        }
        if (orchestration.whenRunning() != OrchestrationDefinition.WhenRunning.QUEUE) {
            map.put("when_running", "refuse");
        }
        return map;
    }

    private static void putSql(Map<String, Object> map, String sql, String sqlFile, boolean withInlineSql) {
        if (sqlFile != null) {
            map.put("sql_file", sqlFile);
        }
        if (sqlFile == null || withInlineSql) {
            map.put("sql", sql);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}

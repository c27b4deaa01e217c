package dev.cohort.runtime.workspace;

import dev.cohort.model.CredentialDefinition;
import dev.cohort.model.DestinationDefinition;
import dev.cohort.model.InterruptionPolicy;
import dev.cohort.model.Names;
import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.OrchestrationSource;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.QueryStatus;
import dev.cohort.model.SecretRef;
import dev.cohort.model.Workflow;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code queries}, {@code credentials}, {@code destinations} and {@code orchestrations} sections. */
final class ObjectFormat {
    private static final Pattern SECRET_REF = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private ObjectFormat() {}

    static Optional<QueryDefinition> query(String name, YamlMap map, SqlSource sql) {
        Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        QueryStatus status = map.get("status").flatMap(node -> node.text().flatMap(text -> switch (text) {
            case "draft" -> Optional.of(QueryStatus.DRAFT);
            case "active" -> Optional.of(QueryStatus.ACTIVE);
            default -> {
                node.problem("BAD_VALUE", "status is 'draft' or 'active', not '" + text + "'");
                yield Optional.empty();
            }
        })).orElse(QueryStatus.DRAFT);
        if (!map.has("sql") && !map.has("sql_file")) {
            map.node().problem("MISSING_KEY", "query '" + name + "' needs 'sql_file: sql/queries/" + name
                    + ".sql' (or inline 'sql')");
        }
        Optional<SqlText> text = SqlText.read(map, sql);
        map.rejectUnknownKeys();
        return text.map(t -> new QueryDefinition(name, description, t.sql(), t.sqlFile(), status));
    }

    static Optional<CredentialDefinition> credential(String name, YamlMap map) {
        Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        Optional<String> type = map.requiredText("type", "the plugin it is for, e.g. sftp");
        Map<String, SecretRef> values = new LinkedHashMap<>();
        Optional<YamlMap> valueMap = map.map("values");
        if (valueMap.isEmpty()) {
            map.node().problem("MISSING_KEY", "'values' is required, e.g. values: {password: ${env:SFTP_PASSWORD}}");
        }
        valueMap.ifPresent(v -> v.entries().forEach((key, node) -> node.text().ifPresent(text -> {
            Optional<SecretRef> ref = secretRef(text);
            if (ref.isEmpty()) {
                node.problem("SECRET_IN_FILE", "credential values refer to an environment variable or a file, e.g. "
                        + key + ": ${env:" + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_"
                        + key.toUpperCase(java.util.Locale.ROOT) + "} or ${file:secrets/" + key + "};"
                        + " secrets are never written in workspace files");
            } else {
                values.put(key, ref.get());
            }
        })));
        map.rejectUnknownKeys();
        return type.map(t -> new CredentialDefinition(name, description, t, values));
    }

    static Optional<SecretRef> secretRef(String text) {
        if (text.strip().equals(new SecretRef.Stored().reference())) {
            return Optional.of(new SecretRef.Stored());
        }
        Matcher matcher = SECRET_REF.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String target = matcher.group(2).strip();
        return Optional.of(matcher.group(1).equals("env") ? new SecretRef.Env(target) : new SecretRef.File(target));
    }

    static Optional<DestinationDefinition> destination(String name, YamlMap map) {
        Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        Optional<String> type = map.requiredText("type", "the destination type, e.g. sftp or koupon-media");
        String credential = map.text("credential").orElse(null);
        boolean adminOnly = map.bool("admin_only", false);
        boolean piiAllowed = map.bool("pii_allowed", false);
        Map<String, Object> settings = new LinkedHashMap<>();
        map.map("settings").ifPresent(s -> s.entries().forEach((key, value) -> settings.put(key, value.plain())));
        settings.values().removeIf(java.util.Objects::isNull);
        map.rejectUnknownKeys();
        return type.map(t -> new DestinationDefinition(name, description, t, credential, settings, adminOnly, piiAllowed));
    }

    static Optional<OrchestrationDefinition> orchestration(String name, YamlMap map) {
        Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        Optional<String> query = map.text("query");
        List<String> export = map.textList("export");
        OrchestrationSource source = null;
        if (query.isPresent() && !export.isEmpty()) {
            map.node().problem("CONFLICTING_KEYS", "an orchestration sends a 'query' or an 'export' (a list of tables), not both");
        } else if (query.isPresent()) {
            source = new OrchestrationSource.Query(query.get());
        } else if (!export.isEmpty()) {
            source = new OrchestrationSource.DatabaseExport(export);
        } else {
            map.node().problem("MISSING_KEY", "orchestration '" + name + "' needs 'query: <an active query>'"
                    + " or 'export: [table, …]' (a database export)");
        }
        Optional<String> destination = map.requiredText("destination", "the name of a destination");
        String template = map.text("data_template").orElse(null);
        Optional<Workflow> workflow = map.get("workflow").map(ObjectFormat::workflow).orElse(Optional.of(new Workflow.Manual()));
        InterruptionPolicy onInterruption = map.get("on_interruption").flatMap(node -> node.text().flatMap(text -> switch (text) {
            case "fail" -> Optional.of(InterruptionPolicy.FAIL);
            case "run_again" -> Optional.of(InterruptionPolicy.RUN_AGAIN);
            default -> {
                node.problem("BAD_VALUE", "on_interruption is 'fail' or 'run_again', not '" + text + "'");
                yield Optional.empty();
            }
        })).orElse(InterruptionPolicy.FAIL);
        OrchestrationDefinition.WhenRunning whenRunning = map.get("when_running").flatMap(node -> node.text().flatMap(text -> switch (text) {
            case "queue" -> Optional.of(OrchestrationDefinition.WhenRunning.QUEUE);
            case "refuse" -> Optional.of(OrchestrationDefinition.WhenRunning.REFUSE);
            default -> {
                node.problem("BAD_VALUE", "when_running is 'queue' (wait behind the earlier run) or 'refuse', not '" + text + "'");
                yield Optional.empty();
            }
        })).orElse(OrchestrationDefinition.WhenRunning.QUEUE);
        map.rejectUnknownKeys();
        if (source == null || destination.isEmpty() || workflow.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrchestrationDefinition(name, description, source, destination.get(), template, workflow.get(),
                onInterruption, whenRunning));
    }

    /**
     * {@code workflow: manual}, {@code workflow: {schedule: "0 6 * * MON", time_zone: Europe/London}},
     * {@code workflow: {after: <orchestration>}} or {@code workflow: {after_table: <table>}}.
     */
    private static Optional<Workflow> workflow(YamlNode node) {
        if (node.isScalar()) {
            String text = node.text().orElse("");
            if (text.equals("manual")) {
                return Optional.of(new Workflow.Manual());
            }
            node.problem("BAD_VALUE", "workflow is 'manual', {schedule: \"<cron>\", time_zone: <zone>}, {after: <orchestration>}"
                    + " or {after_table: <table>}, not '" + text + "'");
            return Optional.empty();
        }
        Optional<YamlMap> asMap = node.map();
        if (asMap.isPresent() && (asMap.get().has("after") || asMap.get().has("after_table"))) {
            YamlMap map = asMap.get();
            if (map.has("after") && map.has("after_table") || map.has("schedule")) {
                map.node().problem("CONFLICTING_KEYS", "a workflow runs on a schedule, after an orchestration, or after a"
                        + " table's build: one of 'schedule', 'after' and 'after_table'");
                return Optional.empty();
            }
            Optional<Workflow> after = map.has("after")
                    ? map.requiredText("after", "the orchestration whose completion starts this one").map(Workflow.AfterOrchestration::new)
                    : map.requiredText("after_table", "the table whose build or load starts this one").map(Workflow.AfterTable::new);
            map.rejectUnknownKeys();
            return after;
        }
        return asMap.flatMap(map -> {
            Optional<String> cron = map.requiredText("schedule", "a cron expression, e.g. \"0 6 * * MON\"")
                    .filter(text -> Schedules.check(text, map.get("schedule").orElseThrow()));
            Optional<ZoneId> zone = map.get("time_zone").flatMap(zoneNode -> zoneNode.text().flatMap(text -> {
                try {
                    return Optional.of(ZoneId.of(text));
                } catch (DateTimeException e) {
                    zoneNode.problem("BAD_VALUE", "'" + text + "' is not a time zone: use a region id such as"
                            + " America/New_York, Europe/London or UTC");
                    return Optional.empty();
                }
            }));
            if (!map.has("time_zone")) {
                map.node().problem("MISSING_KEY", "'time_zone' is required with a schedule, e.g. time_zone: America/New_York");
            }
            map.rejectUnknownKeys();
            return cron.isPresent() && zone.isPresent()
                    ? Optional.of(new Workflow.Automatic(cron.get(), zone.get())) : Optional.empty();
        });
    }
}

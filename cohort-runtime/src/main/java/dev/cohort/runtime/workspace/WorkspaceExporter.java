package dev.cohort.runtime.workspace;

import dev.cohort.model.CredentialDefinition;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.SecretRef;
import dev.cohort.model.QueryDefinition;
import dev.cohort.model.SqlTable;
import dev.cohort.model.TableDefinition;
import dev.cohort.model.TableSource;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a workspace definition as a workspace folder: {@code cohort.yaml} and the SQL files it names.
 * Data files are not copied: a loaded table keeps pointing at its file (by a path relative to the new
 * folder when it can, else absolute).
 */
final class WorkspaceExporter {
    private final Path sourceRoot;

    /** @param sourceRoot the folder the definition's relative paths resolve against */
    WorkspaceExporter(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    List<Path> write(WorkspaceDefinition definition, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("name", definition.name());
        workspace.put("kind", definition.kind().name().toLowerCase(Locale.ROOT));
        document.put("workspace", workspace);
        try {
            Files.createDirectories(root);
            Map<String, Object> tables = new LinkedHashMap<>();
            for (TableDefinition table : definition.tables()) {
                TableDefinition relocated = relocate(table, root);
                tables.put(table.name(), WorkspaceEncoder.table(relocated, false));
                if (relocated instanceof SqlTable sql && sql.sqlFile() != null) {
                    written.add(writeSql(root, sql.sqlFile(), sql.sql()));
                }
            }
            section(document, "tables", tables);
            Map<String, Object> queries = new LinkedHashMap<>();
            for (QueryDefinition query : definition.queries()) {
                queries.put(query.name(), WorkspaceEncoder.query(query, false));
                if (query.sqlFile() != null) {
                    written.add(writeSql(root, query.sqlFile(), query.sql()));
                }
            }
            section(document, "queries", queries);
            section(document, "data_templates", byName(definition.templates(), t -> t.name(), WorkspaceEncoder::template));
            section(document, "credentials", byName(definition.credentials().stream().map(c -> relocate(c, root)).toList(),
                    c -> c.name(), WorkspaceEncoder::credential));
            section(document, "notifications", byName(definition.notificationChannels(), c -> c.name(),
                    WorkspaceEncoder::notificationChannel));
            section(document, "destinations", byName(definition.destinations(), d -> d.name(), WorkspaceEncoder::destination));
            section(document, "orchestrations", byName(definition.orchestrations(), o -> o.name(), WorkspaceEncoder::orchestration));
            section(document, "event_connectors", byName(definition.eventConnectors(), c -> c.name(), EventConnectorFormat::encode));
            DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                    .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(120).build();
            String yaml = "# Exported by 'cohort export'. Apply with: cohort apply -f " + root + "\n"
                    + new Dump(settings).dumpToString(document);
            Path file = root.resolve(WorkspaceReader.FILE_NAME);
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            written.addFirst(file);
        } catch (IOException e) {
            throw new CohortException(ErrorCode.user("WRITE_FAILED"), "cannot write the export to " + root + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** Secret files keep pointing at the same file from the new folder; environment references are unchanged. */
    private CredentialDefinition relocate(CredentialDefinition credential, Path root) {
        java.util.Map<String, SecretRef> values = new java.util.LinkedHashMap<>();
        credential.values().forEach((key, ref) -> values.put(key, ref instanceof SecretRef.File file
                ? new SecretRef.File(relocatePath(file.path(), root)) : ref));
        return new CredentialDefinition(credential.name(), credential.description(), credential.type(), values);
    }

    private String relocatePath(String path, Path root) {
        Path file = sourceRoot.resolve(path).normalize();
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }

    private TableDefinition relocate(TableDefinition table, Path root) {
        if (!(table instanceof LoadedTable loaded)) {
            return table;
        }
        String path = relocatePath(loaded.source().file(), root);
        TableSource source = new TableSource(path, loaded.source().format(), loaded.source().csv(), loaded.source().onBadRows());
        return new LoadedTable(loaded.name(), loaded.description(), source, loaded.columns(), loaded.piiColumns());
    }

    private static Path writeSql(Path root, String relative, String sql) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new CohortException(ErrorCode.user("WRITE_FAILED"), "the SQL file " + relative
                    + " lies outside the export folder; move it inside the workspace folder");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return file;
    }

    private static <T> Map<String, Object> byName(List<T> objects, Function<T, String> name, Function<T, Map<String, Object>> encode) {
        Map<String, Object> map = new LinkedHashMap<>();
        objects.forEach(o -> map.put(name.apply(o), encode.apply(o)));
        return map;
    }

    private static void section(Map<String, Object> document, String key, Map<String, Object> objects) {
        if (!objects.isEmpty()) {
            document.put(key, objects);
        }
    }
}

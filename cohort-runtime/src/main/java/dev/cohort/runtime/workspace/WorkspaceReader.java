package dev.cohort.runtime.workspace;

import dev.cohort.model.Location;
import dev.cohort.model.Names;
import dev.cohort.model.Problems;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.model.WorkspaceKind;
import dev.cohort.runtime.store.ObjectKind;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a workspace folder ({@code cohort.yaml} and the SQL files it names) into a
 * {@link WorkspaceDefinition}, reporting every problem of form at once, each with file and line.
 * References between objects are checked by {@link WorkspaceValidator}.
 */
public final class WorkspaceReader {
    public static final String FILE_NAME = "cohort.yaml";

    private WorkspaceReader() {}

    /**
     * Reads {@code path}: a workspace folder, or its {@code cohort.yaml}.
     *
     * @throws dev.cohort.model.ValidationException with every problem found
     */
    public static LoadedWorkspace read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        Path root = file.toAbsolutePath().normalize().getParent();
        Problems problems = new Problems();
        String label = root.relativize(file.toAbsolutePath().normalize()).toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(Location.of(file.toString(), 0, 0, null), "NO_WORKSPACE",
                    "there is no " + FILE_NAME + " here: create a workspace with 'cohort init " + path + "'");
            problems.throwIfAny();
            throw new AssertionError();
        } catch (CharacterCodingException e) {
            problems.add(Location.of(label, 0, 0, null), "BAD_ENCODING", "the file is not UTF-8: save it as UTF-8");
            problems.throwIfAny();
            throw new AssertionError();
        } catch (IOException e) {
            problems.add(Location.of(file.toString(), 0, 0, null), "UNREADABLE", "cannot read the file: " + e.getMessage());
            problems.throwIfAny();
            throw new AssertionError();
        }
        SqlSource sql = new FileSqlSource(root);
        Optional<YamlNode> top = parse(text, label, problems);
        SourceMap sources = new SourceMap();
        WorkspaceDefinition definition = top.flatMap(YamlNode::map)
                .map(map -> read(map, sql, sources, root))
                .orElseGet(() -> {
                    if (!problems.isEmpty()) {
                        return null;
                    }
                    problems.add(Location.of(label, 1, 1, null), "EMPTY_WORKSPACE",
                            "the file is empty: it needs at least 'workspace: {name: <name>}'");
                    return null;
                });
        problems.throwIfAny();
        return new LoadedWorkspace(root, definition, sources);
    }

    /**
     * Reads one object of {@code kind} from {@code json}, the object's cohort.yaml shape as a JSON document
     * (the API's request bodies): the same rules and messages as in a file, each problem keyed by its path in
     * the body. SQL files named by {@code sql_file} are read relative to {@code root}.
     *
     * @throws dev.cohort.model.ValidationException with every problem found
     */
    public static Object readObject(ObjectKind kind, String name, String json, Path root) {
        Problems problems = new Problems();
        Names.checkObjectName(name).ifPresent(why -> problems.add(Location.key("name"), "BAD_NAME", why));
        SqlSource sql = new FileSqlSource(root);
        Optional<?> object = parse(json == null || json.isBlank() ? "{}" : json, "request body", problems)
                .flatMap(YamlNode::map)
                .flatMap(map -> switch (kind) {
                    case TABLE -> TableFormat.read(name, map, sql);
                    case QUERY -> ObjectFormat.query(name, map, sql);
                    case DATA_TEMPLATE -> TemplateFormat.read(name, map);
                    case CREDENTIAL -> ObjectFormat.credential(name, map);
                    case NOTIFICATION_CHANNEL -> NotificationFormat.read(name, map);
                    case DESTINATION -> ObjectFormat.destination(name, map);
                    case ORCHESTRATION -> ObjectFormat.orchestration(name, map);
                    case EVENT_CONNECTOR -> EventConnectorFormat.read(name, map);
                });
        problems.throwIfAny();
        return object.orElseThrow(() -> new IllegalStateException("no object and no problem reading " + kind + " " + name));
    }

    /**
     * Only the workspace's name, read leniently: commands that work on an applied workspace need its
     * name even while its files are being edited.
     */
    public static String readName(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        Problems problems = new Problems();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Optional<String> name = parse(text, file.toString(), problems).flatMap(YamlNode::map)
                    .flatMap(top -> top.map("workspace")).flatMap(workspace -> workspace.text("name"));
            if (name.isPresent()) {
                return name.get();
            }
            problems.add(Location.of(file.toString(), 0, 0, "workspace.name"), "MISSING_KEY",
                    "the workspace has no name: add 'workspace: {name: <name>}'");
        } catch (IOException e) {
            problems.add(Location.of(file.toString(), 0, 0, null), "NO_WORKSPACE", "there is no workspace here ("
                    + file + " cannot be read): create one with 'cohort init <dir>', or name one with -w <dir>");
        }
        problems.throwIfAny();
        throw new AssertionError();
    }

    static Optional<YamlNode> parse(String text, String label, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).setAllowDuplicateKeys(true)
                .setParseComments(false).build();
        try {
            Optional<Node> node = new Compose(settings).composeString(text);
            return node.map(n -> new YamlNode(n, label, "", problems));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            problems.add(Location.of(label, line, column, null), "YAML_SYNTAX",
                    "not valid YAML: " + e.getProblem() + (e.getContext() == null ? "" : " " + e.getContext()));
        } catch (YamlEngineException e) {
            problems.add(Location.of(label, 0, 0, null), "YAML_SYNTAX", "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static WorkspaceDefinition read(YamlMap top, SqlSource sql, SourceMap sources, Path root) {
        String name = root.getFileName() == null ? "workspace" : root.getFileName().toString();
        WorkspaceKind kind = WorkspaceKind.SANDBOX;
        Optional<YamlMap> workspace = top.map("workspace");
        if (workspace.isEmpty()) {
            top.node().problem("MISSING_KEY", "'workspace' is required: workspace: {name: acme, kind: sandbox}");
        } else {
            YamlMap map = workspace.get();
            name = map.requiredText("name", "the workspace's name, e.g. acme").orElse(name);
            Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
            kind = map.get("kind").flatMap(node -> node.text().flatMap(text -> switch (text) {
                case "sandbox" -> Optional.of(WorkspaceKind.SANDBOX);
                case "production" -> Optional.of(WorkspaceKind.PRODUCTION);
                default -> {
                    node.problem("BAD_VALUE", "kind is 'sandbox' or 'production', not '" + text + "'");
                    yield Optional.empty();
                }
            })).orElse(WorkspaceKind.SANDBOX);
            map.rejectUnknownKeys();
        }
        var tables = section(top, ObjectKind.TABLE, sources, (n, m) -> TableFormat.read(n, m, sql));
        var queries = section(top, ObjectKind.QUERY, sources, (n, m) -> ObjectFormat.query(n, m, sql));
        var templates = section(top, ObjectKind.DATA_TEMPLATE, sources, TemplateFormat::read);
        var credentials = section(top, ObjectKind.CREDENTIAL, sources, ObjectFormat::credential);
        var channels = section(top, ObjectKind.NOTIFICATION_CHANNEL, sources, NotificationFormat::read);
        var destinations = section(top, ObjectKind.DESTINATION, sources, ObjectFormat::destination);
        var orchestrations = section(top, ObjectKind.ORCHESTRATION, sources, ObjectFormat::orchestration);
        var eventConnectors = section(top, ObjectKind.EVENT_CONNECTOR, sources, EventConnectorFormat::read);
        top.rejectUnknownKeys();
        return new WorkspaceDefinition(name, kind, tables, queries, templates, credentials, channels, destinations,
                orchestrations, eventConnectors);
    }

    private static <T> List<T> section(YamlMap top, ObjectKind kind, SourceMap sources,
                                       BiFunction<String, YamlMap, Optional<T>> reader) {
        List<T> objects = new ArrayList<>();
        top.map(SourceMap.sectionKey(kind)).ifPresent(section -> {
            for (Map.Entry<String, YamlNode> entry : section.entries().entrySet()) {
                sources.put(kind, entry.getKey(), section.keyLocation(entry.getKey()));
                YamlNode value = entry.getValue();
                if (value.isNull()) {
                    value.problem("MISSING_KEY", kind.label() + " '" + entry.getKey() + "' has no settings");
                    continue;
                }
                value.map().flatMap(map -> reader.apply(entry.getKey(), map)).ifPresent(objects::add);
            }
        });
        return objects;
    }

    /** SQL files relative to the workspace folder. */
    private record FileSqlSource(Path root) implements SqlSource {
        @Override
        public Optional<String> read(String relativePath, YamlNode where) {
            Path file = root.resolve(relativePath).normalize();
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    where.problem("EMPTY_SQL", relativePath + " is empty");
                    return Optional.empty();
                }
                return Optional.of(text);
            } catch (NoSuchFileException e) {
                where.problem("FILE_NOT_FOUND", "there is no file " + relativePath + " (looked in " + file.getParent() + ")");
            } catch (IOException e) {
                where.problem("UNREADABLE", "cannot read " + relativePath + ": " + e.getMessage());
            }
            return Optional.empty();
        }

        @Override
        public boolean inlineWithFile() {
            return false;
        }
    }
}

package dev.cohort.runtime.workspace;

import dev.cohort.model.Location;
import dev.cohort.model.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML node that knows where it stands (file, line, key path) and reports type mismatches to a
 * {@link Problems} collector instead of throwing, so that a whole file is checked in one pass.
 */
final class YamlNode {
    private final Node node;
    private final String file;
    private final String path;
    private final Problems problems;

    YamlNode(Node node, String file, String path, Problems problems) {
        this.node = node;
        this.file = file;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    Problems problems() {
        return problems;
    }

    Location location() {
        return node.getStartMark()
                .map(mark -> Location.of(file, mark.getLine() + 1, mark.getColumn() + 1, path))
                .orElse(Location.of(file, 0, 0, path));
    }

    void problem(String code, String message) {
        problems.add(location(), code, message);
    }

    boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    /** The scalar's text, or empty (and a problem) when this is a map or list. */
    Optional<String> text() {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problem("WRONG_TYPE", "expected a single value, found " + describe());
        return Optional.empty();
    }

    Optional<Boolean> bool() {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.parseBoolean(scalar.getValue()));
        }
        problem("WRONG_TYPE", "expected true or false, found " + describe());
        return Optional.empty();
    }

    Optional<Integer> integer() {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return Optional.of(Integer.parseInt(scalar.getValue()));
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
        }
        problem("WRONG_TYPE", "expected a whole number, found " + describe());
        return Optional.empty();
    }

    Optional<YamlMap> map() {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(this, mapping));
        }
        problem("WRONG_TYPE", "expected a mapping of keys to values, found " + describe());
        return Optional.empty();
    }

    /** The items of a list; an empty list (and a problem) when this is not one. */
    List<YamlNode> items() {
        if (node instanceof SequenceNode sequence) {
            List<YamlNode> items = new ArrayList<>();
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.add(new YamlNode(values.get(i), file, path + "[" + i + "]", problems));
            }
            return items;
        }
        problem("WRONG_TYPE", "expected a list, found " + describe());
        return List.of();
    }

    /** A list of single values; a single value is accepted as a list of one. */
    List<String> textList() {
        if (node instanceof ScalarNode && !isNull()) {
            return text().map(List::of).orElse(List.of());
        }
        return items().stream().map(YamlNode::text).flatMap(Optional::stream).toList();
    }

    /** Plain Java value: String, Boolean, Long, Double, List or Map (insertion-ordered), or null. */
    Object plain() {
        if (isNull()) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            Tag tag = scalar.getTag();
            try {
                if (tag.equals(Tag.BOOL)) {
                    return Boolean.parseBoolean(scalar.getValue());
                }
                if (tag.equals(Tag.INT)) {
                    return Long.parseLong(scalar.getValue());
                }
                if (tag.equals(Tag.FLOAT)) {
                    return Double.parseDouble(scalar.getValue());
                }
            } catch (NumberFormatException e) {
                return scalar.getValue();
            }
            return scalar.getValue();
        }
        if (isList()) {
            return items().stream().map(YamlNode::plain).toList();
        }
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        map().ifPresent(m -> m.entries().forEach((key, value) -> values.put(key, value.plain())));
        return values;
    }

    String describe() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
        }
        return isList() ? "a list" : "a mapping";
    }

    YamlNode child(Node child, String key) {
        String childPath = path.isEmpty() ? key : path + "." + key;
        return new YamlNode(child, file, childPath, problems);
    }
}

package dev.cohort.runtime.workspace;

import dev.cohort.model.Location;
import dev.cohort.spi.Suggestions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read key by key. Keys that were never asked for are reported by
 * {@link #rejectUnknownKeys()} with a suggestion, so a typo never passes silently.
 */
final class YamlMap {
    private final YamlNode self;
    private final Map<String, YamlNode> entries = new LinkedHashMap<>();
    private final Map<String, Location> keyLocations = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    YamlMap(YamlNode self, MappingNode mapping) {
        this.self = self;
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                new YamlNode(tuple.getKeyNode(), self.file(), self.path(), self.problems())
                        .problem("WRONG_TYPE", "keys must be plain names");
                continue;
            }
            String key = keyNode.getValue();
            YamlNode value = self.child(tuple.getValueNode(), key);
            if (entries.containsKey(key)) {
                new YamlNode(keyNode, self.file(), value.path(), self.problems())
                        .problem("DUPLICATE_KEY", "'" + key + "' is given twice; keep one");
            }
            entries.put(key, value);
            keyLocations.put(key, new YamlNode(keyNode, self.file(), value.path(), self.problems()).location());
        }
    }

    YamlNode node() {
        return self;
    }

    Location location() {
        return self.location();
    }

    /** All entries, marking every key as read. */
    Map<String, YamlNode> entries() {
        read.addAll(entries.keySet());
        return entries;
    }

    Location keyLocation(String key) {
        return keyLocations.getOrDefault(key, self.location());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<YamlNode> get(String key) {
        read.add(key);
        YamlNode value = entries.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> text(String key) {
        return get(key).flatMap(YamlNode::text);
    }

    /** A required value; a missing one is a problem whose message ends with {@code hint}. */
    Optional<String> requiredText(String key, String hint) {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            self.problem("MISSING_KEY", "'" + key + "' is required" + (hint.isEmpty() ? "" : ": " + hint));
            return Optional.empty();
        }
        return value.get().text();
    }

    boolean bool(String key, boolean fallback) {
        return get(key).flatMap(YamlNode::bool).orElse(fallback);
    }

    Optional<YamlMap> map(String key) {
        return get(key).flatMap(YamlNode::map);
    }

    List<YamlNode> items(String key) {
        return get(key).map(YamlNode::items).orElse(List.of());
    }

    List<String> textList(String key) {
        return get(key).map(YamlNode::textList).orElse(List.of());
    }

    /** Reports every key that was not read, with the closest allowed key. */
    void rejectUnknownKeys() {
        Set<String> allowed = new java.util.TreeSet<>(read);
        for (String key : entries.keySet()) {
            if (!read.contains(key)) {
                self.problems().add(keyLocation(key), "UNKNOWN_KEY", "unknown key '" + key + "'"
                        + Suggestions.didYouMean(key, allowed)
                        + (allowed.isEmpty() ? "" : " (allowed here: " + String.join(", ", allowed) + ")"));
            }
        }
    }
}

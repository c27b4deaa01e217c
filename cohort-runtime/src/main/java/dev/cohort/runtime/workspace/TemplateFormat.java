package dev.cohort.runtime.workspace;

import dev.cohort.model.DataTemplate;
import dev.cohort.model.FieldSource;
import dev.cohort.model.Names;
import dev.cohort.spi.Suggestions;
import dev.cohort.model.TemplateField;
import dev.cohort.model.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code data_templates:} section. */
final class TemplateFormat {
    static final Set<String> TRANSFORMS = Set.of("trim", "lower", "upper", "email", "phone", "sha256", "uuid");

    private TemplateFormat() {}

    static Optional<DataTemplate> read(String name, YamlMap map) {
        Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        String destinationType = map.text("destination_type").orElse(null);
        List<TemplateField> fields = new ArrayList<>();
        Optional<YamlNode> fieldList = map.get("fields");
        if (fieldList.isEmpty()) {
            map.node().problem("MISSING_KEY", "'fields' is required: the list of output fields, each with a 'name'"
                    + " and one of column, expression, constant or blank");
        }
        fieldList.ifPresent(list -> list.items().forEach(item -> item.map().flatMap(TemplateFormat::field)
                .ifPresent(fields::add)));
        map.rejectUnknownKeys();
        return Optional.of(new DataTemplate(name, description, destinationType, fields));
    }

    private static Optional<TemplateField> field(YamlMap map) {
        Optional<String> name = map.requiredText("name", "the output field's name, e.g. ROW_ID");
        List<FieldSource> sources = new ArrayList<>();
        map.text("column").ifPresent(column -> sources.add(new FieldSource.Column(column)));
        map.text("expression").ifPresent(sql -> sources.add(new FieldSource.Expression(sql)));
        if (map.has("constant")) {
            sources.add(new FieldSource.Constant(map.get("constant").flatMap(YamlNode::text).orElse("")));
        }
        if (map.bool("blank", false)) {
            sources.add(new FieldSource.Blank());
        }
        if (sources.size() != 1) {
            map.node().problem(sources.isEmpty() ? "MISSING_KEY" : "CONFLICTING_KEYS",
                    "a field takes its value from exactly one of 'column', 'expression', 'constant' or 'blank: true'");
        }
        List<Transform> transforms = new ArrayList<>();
        map.get("transforms").ifPresent(list -> list.items().forEach(item -> transform(item).ifPresent(transforms::add)));
        map.rejectUnknownKeys();
        if (name.isEmpty() || sources.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new TemplateField(name.get(), sources.getFirst(), transforms));
    }

    /** {@code trim}, or a one-key map with options: {@code {phone: {region: US}}}, {@code {uuid: {from: value}}}. */
    private static Optional<Transform> transform(YamlNode item) {
        String keyword;
        Optional<YamlMap> options = Optional.empty();
        if (item.isMap()) {
            Map<String, YamlNode> entries = item.map().orElseThrow().entries();
            if (entries.size() != 1) {
                item.problem("BAD_VALUE", "a transform with options is one key, e.g. {phone: {region: US}}");
                return Optional.empty();
            }
            keyword = entries.keySet().iterator().next();
            YamlNode value = entries.get(keyword);
            options = value.isMap() ? value.map() : Optional.empty();
            if (!value.isMap() && !value.isNull()) {
                value.problem("WRONG_TYPE", "the options of '" + keyword + "' are a mapping, e.g. {phone: {region: US}}");
                return Optional.empty();
            }
        } else {
            Optional<String> text = item.text();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            keyword = text.get();
        }
        Optional<YamlMap> opts = options;
        Optional<Transform> transform = switch (keyword) {
            case "trim" -> Optional.of(new Transform.Trim());
            case "lower" -> Optional.of(new Transform.LowerCase());
            case "upper" -> Optional.of(new Transform.UpperCase());
            case "email" -> Optional.of(new Transform.Email());
            case "sha256" -> Optional.of(new Transform.Sha256());
            case "phone" -> phone(item, opts);
            case "uuid" -> uuid(item, opts);
            default -> {
                item.problem("UNKNOWN_TRANSFORM", "unknown transform '" + keyword + "'"
                        + Suggestions.didYouMean(keyword, TRANSFORMS)
                        + " (transforms: trim, lower, upper, email, phone, sha256, uuid)");
                yield Optional.empty();
            }
        };
        opts.ifPresent(YamlMap::rejectUnknownKeys);
        return transform;
    }

    private static Optional<Transform> phone(YamlNode item, Optional<YamlMap> options) {
        Optional<String> region = options.flatMap(o -> o.text("region"));
        if (region.isEmpty()) {
            item.problem("MISSING_KEY", "phone needs the region of numbers written without a country code:"
                    + " {phone: {region: US}}");
            return Optional.empty();
        }
        return Optional.of(new Transform.Phone(region.get()));
    }

    private static Optional<Transform> uuid(YamlNode item, Optional<YamlMap> options) {
        String from = options.flatMap(o -> o.text("from")).orElse("name");
        Optional<String> namespace = options.flatMap(o -> o.text("namespace"));
        Transform.UuidMode mode;
        switch (from) {
            case "name" -> mode = Transform.UuidMode.NAME_BASED;
            case "value" -> mode = Transform.UuidMode.PARSE;
            default -> {
                item.problem("BAD_VALUE", "uuid 'from' is 'name' (a version 5 UUID derived from the value)"
                        + " or 'value' (the value read as a UUID), not '" + from + "'");
                return Optional.empty();
            }
        }
        UUID ns = null;
        if (namespace.isPresent()) {
            try {
                ns = UUID.fromString(namespace.get());
            } catch (IllegalArgumentException e) {
                item.problem("BAD_VALUE", "uuid namespace must be a UUID like 6ba7b811-9dad-11d1-80b4-00c04fd430c8");
                return Optional.empty();
            }
        }
        return Optional.of(new Transform.Uuid(mode, ns));
    }
}

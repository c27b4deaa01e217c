package dev.cohort.spi.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin's settings and secrets, checked against its declarations when created: unknown keys, wrong
 * types, values outside a choice and missing required settings are all collected at once. A plugin
 * reads typed values from it in {@code configure}, adds its own problems with {@link #problem}, and
 * ends with {@link #validate()}. Not thread-safe; one per configuration.
 */
public final class Settings {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private final Map<String, SettingSpec> specs = new HashMap<>();
    private final Map<String, Object> values;
    private final Map<String, String> secrets;
    private final List<ConfigProblem> problems = new ArrayList<>();

    /**
     * @param declared the plugin's settings
     * @param values   the settings as written ({@code String}, {@code Long}, {@code Boolean}, …)
     * @param secrets  the credential's values, by name (empty when the destination has no credential)
     */
    public Settings(List<SettingSpec> declared, Map<String, Object> values, Map<String, String> secrets) {
        declared.forEach(spec -> specs.put(spec.name(), spec));
        this.values = Map.copyOf(values);
        this.secrets = Map.copyOf(secrets);
        for (String key : new TreeSet<>(values.keySet())) {
            if (!specs.containsKey(key)) {
                problem(key, "unknown setting" + suggestion(key) + " (settings: " + String.join(", ", new TreeSet<>(specs.keySet())) + ")");
            }
        }
        for (SettingSpec spec : declared) {
            Object value = values.get(spec.name());
            if (value == null && spec.required()) {
                problem(spec.name(), "is required: " + spec.description());
            } else if (value != null) {
                parse(spec, value);
            }
        }
    }

    public String string(String name) {
        return optionalString(name).orElse(null);
    }

    public Optional<String> optionalString(String name) {
        return raw(name).map(Object::toString);
    }

    public int integer(String name) {
        return raw(name).map(v -> parse(spec(name), v)).map(v -> v instanceof Long l ? l.intValue() : 0).orElse(0);
    }

    public boolean bool(String name) {
        return raw(name).map(v -> parse(spec(name), v)).map(Boolean.TRUE::equals).orElse(false);
    }

    public Duration duration(String name) {
        return raw(name).map(v -> parse(spec(name), v)).filter(Duration.class::isInstance).map(Duration.class::cast)
                .orElse(Duration.ZERO);
    }

    /** A choice as an enum constant: the value upper-cased with dashes as underscores. */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String text = raw(name).map(Object::toString).orElse(null);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A secret of the credential, or empty. */
    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name)).filter(s -> !s.isEmpty());
    }

    /** Whether the setting was written (not only defaulted). */
    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** Adds a problem found by the plugin itself. */
    public void problem(String field, String message) {
        problems.add(new ConfigProblem(field, message));
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /** @throws ConfigException when any problem was found */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private SettingSpec spec(String name) {
        SettingSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("the plugin reads a setting it did not declare: " + name);
        }
        return spec;
    }

    private Optional<Object> raw(String name) {
        SettingSpec spec = spec(name);
        Object value = values.get(name);
        return Optional.ofNullable(value != null ? value : spec.defaultValue());
    }

    /** The typed value, or null after recording a problem. */
    private Object parse(SettingSpec spec, Object value) {
        String text = value.toString().strip();
        return switch (spec.type()) {
            case STRING -> text;
            case INTEGER -> {
                try {
                    yield value instanceof Long l ? l : Long.parseLong(text);
                } catch (NumberFormatException e) {
                    yield typeProblem(spec, "a whole number", value);
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                yield switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> typeProblem(spec, "true or false", value);
                };
            }
            case CHOICE -> spec.allowedValues().contains(text) ? text
                    : typeProblem(spec, "one of " + String.join(", ", spec.allowedValues()), value);
            case DURATION -> duration(spec, text, value);
        };
    }

    private Object duration(SettingSpec spec, String text, Object value) {
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return typeProblem(spec, "a duration such as 30s, 5m or 2h", value);
        }
    }

    private Object typeProblem(SettingSpec spec, String expected, Object value) {
        if (problems.stream().noneMatch(p -> p.field().equals(spec.name()))) {
            problem(spec.name(), "expected " + expected + ", not '" + value + "'");
        }
        return null;
    }

    private String suggestion(String key) {
        return dev.cohort.spi.Suggestions.didYouMean(key, specs.keySet());
    }
}

package dev.cohort.spi.config;

import java.util.List;
import java.util.Objects;

/**
 * One setting a plugin takes.
 *
 * @param name          the key in {@code settings:} ({@code remote_folder}); lower snake case
 * @param type          what kind of value it is
 * @param required      whether it must be given
 * @param defaultValue  the value when not given (as written in YAML: "22", "true"), or null
 * @param description   one sentence for docs and forms
 * @param allowedValues for {@link SettingType#CHOICE}: the allowed values
 */
public record SettingSpec(String name, SettingType type, boolean required, String defaultValue, String description,
                          List<String> allowedValues) {
    public SettingSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowedValues = List.copyOf(allowedValues);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("setting names are lower snake case: " + name);
        }
        if (type == SettingType.CHOICE && allowedValues.isEmpty()) {
            throw new IllegalArgumentException("a choice needs allowed values: " + name);
        }
    }

    public static SettingSpec required(String name, SettingType type, String description) {
        return new SettingSpec(name, type, true, null, description, List.of());
    }

    public static SettingSpec optional(String name, SettingType type, String defaultValue, String description) {
        return new SettingSpec(name, type, false, defaultValue, description, List.of());
    }

    public static SettingSpec choice(String name, String defaultValue, String description, String... allowed) {
        return new SettingSpec(name, SettingType.CHOICE, defaultValue == null, defaultValue, description, List.of(allowed));
    }
}

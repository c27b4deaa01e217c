package dev.cohort.spi.config;

/** The kinds of value a setting can hold. */
public enum SettingType {
    STRING,
    INTEGER,
    BOOLEAN,
    /** One of {@link SettingSpec#allowedValues()}. */
    CHOICE,
    /** An ISO-8601 duration ({@code PT30S}) or a number with a unit ({@code 30s}, {@code 5m}, {@code 2h}). */
    DURATION
}

package dev.cohort.connector.files;

import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of a generic file delivery — file name, time zone, gzip, split, {@code .DONE} marker —
 * declared once, plus their binding. A partner connector with fixed rules declares only those it
 * offers and builds {@link FileDeliveryOptions} itself.
 */
public final class FileDeliverySettings {
    public static final String DEFAULT_FILE_NAME = "{object}_{now:yyyyMMdd_HHmmss}.csv";

    public static final SettingSpec FILE_NAME = fileName(DEFAULT_FILE_NAME);
    public static final SettingSpec TIME_ZONE = SettingSpec.optional("time_zone", SettingType.STRING, null,
            "The time zone of {now:…} in file names (e.g. America/New_York); default: the orchestration's time zone, UTC when it has"
                    + " none.");
    public static final SettingSpec GZIP = SettingSpec.optional("gzip", SettingType.BOOLEAN, "false",
            "Compress files with gzip (.gz is appended to names that lack it).");
    public static final SettingSpec SPLIT_ROWS = SettingSpec.optional("split_rows", SettingType.INTEGER, "0",
            "The most data rows per file; 0 writes one file. Split files are numbered ({file_number}, or _0000001 before the"
                    + " extension).");
    public static final SettingSpec DONE_FILE = SettingSpec.optional("done_file", SettingType.BOOLEAN, "false",
            "After all files, publish an empty <name>.DONE marker, so that the partner knows the delivery is complete.");

    /** The file settings followed by {@link CsvFormat#SETTINGS}. */
    public static final List<SettingSpec> SETTINGS = concat(List.of(FILE_NAME, TIME_ZONE, GZIP, SPLIT_ROWS, DONE_FILE), CsvFormat.SETTINGS);

    private FileDeliverySettings() {}

    /** The {@code file_name} setting with another default (a partner's naming convention). */
    public static SettingSpec fileName(String defaultTemplate) {
        return SettingSpec.optional("file_name", SettingType.STRING, defaultTemplate,
                "The file name, with tokens {orchestration}, {object}, {run}, {now:<pattern>} (e.g. {now:yyyyMMdd}) and {file_number}"
                        + " ({file_number:3} for 3 digits).");
    }

    /**
     * Reads every setting in {@link #SETTINGS} (all must be declared), recording every problem in
     * {@code settings}.
     *
     * @return the options, or null when a problem was recorded
     */
    public static FileDeliveryOptions bind(Settings settings) {
        int problemsBefore = settings.problems().size();
        FileNameTemplate fileName = fileName(settings);
        ZoneId zone = timeZone(settings);
        long splitRows = settings.integer(SPLIT_ROWS.name());
        if (splitRows < 0) {
            settings.problem(SPLIT_ROWS.name(), "must be 0 (one file) or a positive number of rows");
        }
        CsvFormat format = CsvFormat.bind(settings);
        if (settings.problems().size() > problemsBefore || fileName == null || format == null) {
            return null;
        }
        return FileDeliveryOptions.builder(fileName).format(format).timeZone(zone).gzip(settings.bool(GZIP.name())).splitRows(splitRows)
                .doneFile(settings.bool(DONE_FILE.name())).build();
    }

    /** Reads {@code file_name}; null after recording a problem. */
    public static FileNameTemplate fileName(Settings settings) {
        String template = settings.optionalString(FILE_NAME.name()).orElse(DEFAULT_FILE_NAME);
        try {
            return FileNameTemplate.parse(template);
        } catch (IllegalArgumentException e) {
            settings.problem(FILE_NAME.name(), e.getMessage());
            return null;
        }
    }

    /** Reads {@code time_zone}; null when not set (the run's zone applies) or after recording a problem. */
    public static ZoneId timeZone(Settings settings) {
        String name = settings.optionalString(TIME_ZONE.name()).map(String::strip).orElse("");
        if (name.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            settings.problem(TIME_ZONE.name(), "'" + name + "' is not a time zone: use a region such as Europe/Berlin or America/New_York,"
                    + " or UTC");
            return null;
        }
    }

    private static List<SettingSpec> concat(List<SettingSpec> first, List<SettingSpec> second) {
        List<SettingSpec> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}

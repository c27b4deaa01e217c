package dev.cohort.connector.braze;

import dev.cohort.spi.config.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The syntax of the mapping settings: {@code key=value} entries separated by commas, white space around keys and
 * values ignored, a value {@code -} meaning "not sent" ({@code POINTS_AWARDED=Points Earned,WALLET_DELETED=-}).
 * Keys and values cannot contain {@code ,} or {@code =}. Problems are recorded on the setting, by entry.
 */
final class MappingSyntax {
    /** The value that turns an entry off. */
    static final String OFF = "-";

    private MappingSyntax() {}

    /** One entry as written; {@code position} counts from 1. */
    record Entry(int position, String key, String value) {
        boolean off() {
            return value.equals(OFF);
        }

        /** How a message names the entry: {@code entry 2 (POINTS_AWARDED)}. */
        String where() {
            return "entry " + position + " (" + BrazeNames.shown(key) + ")";
        }
    }

    /**
     * The entries of {@code text}; entries with a problem are recorded on {@code setting} and left out.
     *
     * @param example an entry as it should be written, for messages
     */
    static List<Entry> parse(String text, String setting, String example, Settings settings) {
        List<Entry> entries = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return entries;
        }
        Set<String> seen = new HashSet<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            int position = i + 1;
            String part = parts[i].strip();
            if (part.isEmpty()) {
                if (i < parts.length - 1 || parts.length == 1) {
                    settings.problem(setting, "entry " + position + " is empty (two commas in a row?): write entries as " + example
                            + ", separated by commas");
                }
                continue; // a trailing comma is forgiven
            }
            int equals = part.indexOf('=');
            if (equals < 0) {
                settings.problem(setting, "entry " + position + " " + BrazeNames.shown(part) + " has no '=': write it as " + example);
                continue;
            }
            if (part.indexOf('=', equals + 1) >= 0) {
                settings.problem(setting, "entry " + position + " " + BrazeNames.shown(part) + " has more than one '=': names cannot"
                        + " contain '=' or ','");
                continue;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.isEmpty()) {
                settings.problem(setting, "entry " + position + " has nothing before '=': write it as " + example);
                continue;
            }
            if (value.isEmpty()) {
                settings.problem(setting, "entry " + position + " (" + BrazeNames.shown(key) + ") has nothing after '=': give a name, or "
                        + OFF + " to send nothing for it");
                continue;
            }
            if (!seen.add(key.toUpperCase(Locale.ROOT))) {
                settings.problem(setting, "entry " + position + " (" + BrazeNames.shown(key) + ") repeats a key given before: keep one");
                continue;
            }
            entries.add(new Entry(position, key, value));
        }
        return entries;
    }
}

package dev.cohort.model;

import java.util.Optional;

/**
 * Where in a workspace a problem is: a file, a line and column (1-based, 0 when unknown) and the key
 * path inside the file ({@code queries[2].sql}).
 */
public record Location(String file, int line, int column, String key) {
    public static final Location NONE = new Location(null, 0, 0, null);

    public static Location of(String file, int line, int column, String key) {
        return new Location(file, line, column, key);
    }

    public static Location key(String key) {
        return new Location(null, 0, 0, key);
    }

    public Location withKey(String newKey) {
        return new Location(file, line, column, newKey);
    }

    public Optional<String> keyPath() {
        return Optional.ofNullable(key);
    }

    /** {@code cohort.yaml:12:5 (queries[2].sql)}, or whatever part is known. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
        }
        if (key != null && !key.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(file != null ? "(" + key + ")" : key);
        }
        return text.toString();
    }
}

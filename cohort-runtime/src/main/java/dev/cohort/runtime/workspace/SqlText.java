package dev.cohort.runtime.workspace;

import java.util.Optional;

/** The {@code sql} / {@code sql_file} pair of a query or SQL table. */
record SqlText(String sql, String sqlFile) {
    /** Reads {@code sql:} (inline) or {@code sql_file:} (a path in the workspace), exactly one. */
    static Optional<SqlText> read(YamlMap map, SqlSource source) {
        Optional<String> inline = map.text("sql");
        Optional<String> file = map.text("sql_file");
        if (source.inlineWithFile() && inline.isPresent()) {
            return Optional.of(new SqlText(inline.get(), file.orElse(null)));
        }
        if (inline.isPresent() && file.isPresent()) {
            map.node().problem("CONFLICTING_KEYS", "give either 'sql' (inline) or 'sql_file' (a file), not both");
            return Optional.empty();
        }
        if (file.isPresent()) {
            YamlNode where = map.get("sql_file").orElseThrow();
            return source.read(file.get(), where).map(text -> new SqlText(text, file.get()));
        }
        if (inline.isPresent()) {
            if (inline.get().isBlank()) {
                map.get("sql").orElseThrow().problem("EMPTY_SQL", "the SQL is empty");
                return Optional.empty();
            }
            return Optional.of(new SqlText(inline.get(), null));
        }
        return Optional.empty();
    }

    /** The statement without trailing semicolons and white space, as engines want it. */
    static String clean(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}

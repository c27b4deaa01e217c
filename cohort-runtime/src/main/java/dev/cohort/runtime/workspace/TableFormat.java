package dev.cohort.runtime.workspace;

import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import dev.cohort.model.LoadedTable;
import dev.cohort.model.Names;
import dev.cohort.model.SqlTable;
import dev.cohort.model.TableDefinition;
import dev.cohort.model.TableSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code tables:} section: loaded tables ({@code file:}) and SQL tables ({@code sql:} / {@code sql_file:}). */
final class TableFormat {
    private TableFormat() {}

    static Optional<TableDefinition> read(String name, YamlMap map, SqlSource sql) {
        Names.checkTableName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        Set<String> pii = new LinkedHashSet<>(map.textList("pii"));
        boolean isFile = map.has("file");
        boolean isSql = map.has("sql") || map.has("sql_file");
        if (isFile && isSql) {
            map.node().problem("CONFLICTING_KEYS", "a table is loaded from a 'file' or built from 'sql', not both");
            map.rejectUnknownKeys();
            return Optional.empty();
        }
        if (!isFile && !isSql) {
            map.node().problem("MISSING_KEY", "table '" + name + "' needs 'file: data/x.csv' (a loaded table)"
                    + " or 'sql_file: sql/x.sql' (a SQL table)");
            map.rejectUnknownKeys();
            return Optional.empty();
        }
        Optional<TableDefinition> table = isFile
                ? loaded(name, description, pii, map)
                : SqlText.read(map, sql).map(text -> new SqlTable(name, description, text.sql(), text.sqlFile(), pii));
        map.rejectUnknownKeys();
        return table;
    }

    private static Optional<TableDefinition> loaded(String name, String description, Set<String> pii, YamlMap map) {
        Optional<String> file = map.text("file");
        Optional<FileFormat> format = map.get("format").flatMap(node -> node.text().flatMap(text -> {
            Optional<FileFormat> parsed = FileFormat.fromKeyword(text);
            if (parsed.isEmpty()) {
                node.problem("BAD_VALUE", "unknown format '" + text + "': use csv, parquet or jsonl");
            }
            return parsed;
        }));
        if (format.isEmpty() && file.isPresent() && !map.has("format")) {
            format = FileFormat.fromFileName(file.get());
            if (format.isEmpty()) {
                map.get("file").orElseThrow().problem("BAD_VALUE", "cannot tell the format of '" + file.get()
                        + "' from its name: add 'format: csv' (or parquet, jsonl)");
            }
        }
        CsvOptions csv = map.map("csv").map(TableFormat::csvOptions).orElse(defaultCsv(file.orElse("")));
        BadRowPolicy onBadRows = map.get("on_bad_rows").flatMap(node -> node.text().flatMap(text -> switch (text) {
            case "fail" -> Optional.of(BadRowPolicy.FAIL);
            case "skip" -> Optional.of(BadRowPolicy.SKIP);
            default -> {
                node.problem("BAD_VALUE", "on_bad_rows is 'fail' or 'skip', not '" + text + "'");
                yield Optional.empty();
            }
        })).orElse(BadRowPolicy.FAIL);
        List<ColumnDefinition> columns = map.map("columns").map(TableFormat::columns).orElse(List.of());
        if (file.isEmpty() || format.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LoadedTable(name, description,
                new TableSource(file.get(), format.get(), csv, onBadRows), columns, pii));
    }

    private static CsvOptions defaultCsv(String file) {
        boolean tsv = file.toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.gz)?");
        return tsv ? new CsvOptions('\t', true, '"', '"', "") : CsvOptions.DEFAULT;
    }

    private static CsvOptions csvOptions(YamlMap map) {
        CsvOptions defaults = CsvOptions.DEFAULT;
        char delimiter = character(map, "delimiter", defaults.delimiter());
        boolean header = map.bool("header", defaults.header());
        char quote = character(map, "quote", defaults.quote());
        char escape = character(map, "escape", quote);
        String nullString = map.text("null").orElse(defaults.nullString());
        map.rejectUnknownKeys();
        return new CsvOptions(delimiter, header, quote, escape, nullString);
    }

    private static char character(YamlMap map, String key, char fallback) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return fallback;
        }
        String text = node.get().text().orElse(String.valueOf(fallback));
        String unescaped = text.equals("\\t") ? "\t" : text;
        if (unescaped.length() != 1) {
            node.get().problem("BAD_VALUE", key + " must be one character (write \"\\t\" for a tab), not '" + text + "'");
            return fallback;
        }
        return unescaped.charAt(0);
    }

    /** {@code columns: {id: BIGINT, email: {type: VARCHAR, pii: true}}}, in file order. */
    private static List<ColumnDefinition> columns(YamlMap map) {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : map.entries().entrySet()) {
            String column = entry.getKey();
            YamlNode value = entry.getValue();
            Names.checkTableName(column).ifPresent(why -> value.problem("BAD_NAME", "column " + why));
            if (value.isScalar()) {
                value.text().ifPresent(type -> columns.add(new ColumnDefinition(column, type, false)));
            } else {
                value.map().ifPresent(spec -> {
                    Optional<String> type = spec.requiredText("type", "the SQL type, e.g. VARCHAR, BIGINT, DATE");
                    boolean pii = spec.bool("pii", false);
                    spec.rejectUnknownKeys();
                    type.ifPresent(t -> columns.add(new ColumnDefinition(column, t, pii)));
                });
            }
        }
        return columns;
    }
}

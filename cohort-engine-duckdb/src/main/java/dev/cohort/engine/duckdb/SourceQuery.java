package dev.cohort.engine.duckdb;

import static dev.cohort.engine.duckdb.DuckDbSql.identifier;
import static dev.cohort.engine.duckdb.DuckDbSql.literal;

import dev.cohort.engine.EngineException;
import dev.cohort.engine.LoadRequest;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CsvOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SELECT that reads a file to load with DuckDB's table functions: {@code read_csv} (declared columns
 * typed exactly and the sniffer off; otherwise inferred), {@code read_parquet}, {@code read_json} for
 * JSON lines. CSV rows DuckDB cannot read go to the reject tables named here instead of failing the load.
 *
 * @param sql          the SELECT
 * @param rejectsTable for CSV, the temporary table of rejected rows ({@code reject_errors}'s shape)
 */
record SourceQuery(String sql, String rejectsTable) {
    /** Type names as DuckDB spells them ({@code DECIMAL(10,2)}, {@code VARCHAR[]}, {@code TIMESTAMP WITH TIME ZONE}). */
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_ ,()\\[\\]]{0,200}");

    /**
     * @param gzipped whether the file is gzip-compressed (told to DuckDB, which otherwise goes by the
     *                file name's {@code .gz})
     * @param suffix  a unique suffix for the reject tables
     */
    static SourceQuery of(LoadRequest request, boolean gzipped, String suffix) {
        request.columns().forEach(SourceQuery::requireTypeName);
        String path = literal(request.file().toAbsolutePath().toString());
        String compression = gzipped ? ", compression='gzip'" : "";
        return switch (request.format()) {
            case CSV -> csv(request, path + compression, suffix);
            case JSONL -> new SourceQuery("SELECT * FROM read_json(" + path + ", format='newline_delimited'" + compression
                    + (request.columns().isEmpty() ? "" : ", columns=" + columnStruct(request.columns())) + ")", null);
            case PARQUET -> new SourceQuery("SELECT " + parquetProjection(request.columns())
                    + " FROM read_parquet(" + path + ")", null);
        };
    }

    private static SourceQuery csv(LoadRequest request, String pathAndCompression, String suffix) {
        CsvOptions csv = request.csv();
        String rejectsTable = "cohort_rejects_" + suffix;
        List<String> options = new ArrayList<>(List.of(
                "delim=" + literal(String.valueOf(csv.delimiter())),
                "quote=" + literal(String.valueOf(csv.quote())),
                "escape=" + literal(String.valueOf(csv.escape())),
                "header=" + csv.header(),
                "nullstr=" + literal(csv.nullString())));
        if (request.columns().isEmpty()) {
            options.add("auto_detect=true");
        } else {
            options.add("auto_detect=false");
            options.add("columns=" + columnStruct(request.columns()));
        }
        options.add("store_rejects=true");
        options.add("rejects_table=" + literal(rejectsTable));
        options.add("rejects_scan=" + literal("cohort_reject_scans_" + suffix));
        return new SourceQuery("SELECT * FROM read_csv(" + pathAndCompression + ", " + String.join(", ", options) + ")",
                rejectsTable);
    }

    private static void requireTypeName(ColumnDefinition column) {
        if (!TYPE_NAME.matcher(column.type()).matches()) {
            throw new EngineException(EngineException.SQL_ERROR, "Column " + column.name() + " is declared with type '"
                    + column.type() + "', which is not a type name: use a DuckDB type such as VARCHAR, BIGINT,"
                    + " DECIMAL(10,2), DATE or TIMESTAMP.");
        }
    }

    /** {@code {'id': 'BIGINT', 'email': 'VARCHAR'}}: DuckDB parses each type name. */
    private static String columnStruct(List<ColumnDefinition> columns) {
        return columns.stream()
                .map(column -> literal(column.name()) + ": " + literal(column.type()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String parquetProjection(List<ColumnDefinition> columns) {
        if (columns.isEmpty()) {
            return "*";
        }
        return columns.stream()
                .map(column -> "CAST(" + identifier(column.name()) + " AS " + column.type() + ") AS " + identifier(column.name()))
                .collect(Collectors.joining(", "));
    }
}

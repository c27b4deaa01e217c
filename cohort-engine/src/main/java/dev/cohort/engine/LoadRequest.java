package dev.cohort.engine;

import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Load (or replace) one table from a file.
 *
 * @param table     target table name
 * @param file      absolute path of the file
 * @param format    its format
 * @param csv       CSV options, for CSV files
 * @param columns   the declared schema in file order, or empty to infer it
 * @param onBadRows fail on the first bad rows, or skip and count them
 */
public record LoadRequest(String table, Path file, FileFormat format, CsvOptions csv,
                          List<ColumnDefinition> columns, BadRowPolicy onBadRows) {
    public LoadRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        csv = csv == null ? CsvOptions.DEFAULT : csv;
        columns = List.copyOf(columns);
        onBadRows = onBadRows == null ? BadRowPolicy.FAIL : onBadRows;
    }
}

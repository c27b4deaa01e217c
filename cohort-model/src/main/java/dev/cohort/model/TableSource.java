package dev.cohort.model;

import java.util.Objects;

/**
 * The file a loaded table comes from.
 *
 * @param file      path, relative to the workspace folder or absolute
 * @param format    file format
 * @param csv       CSV options (ignored for other formats)
 * @param onBadRows what to do with rows that cannot be read
 */
public record TableSource(String file, FileFormat format, CsvOptions csv, BadRowPolicy onBadRows) {
    public TableSource {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        csv = csv == null ? CsvOptions.DEFAULT : csv;
        onBadRows = onBadRows == null ? BadRowPolicy.FAIL : onBadRows;
    }
}

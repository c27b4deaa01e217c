package dev.cohort.model;

import java.util.Locale;
import java.util.Optional;

/** Formats a table can be loaded from. */
public enum FileFormat {
    CSV("csv"),
    PARQUET("parquet"),
    JSONL("jsonl");

    private final String keyword;

    FileFormat(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static Optional<FileFormat> fromKeyword(String text) {
        for (FileFormat format : values()) {
            if (format.keyword.equalsIgnoreCase(text)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a file name suggests: {@code .csv}, {@code .tsv}, {@code .parquet}, {@code .jsonl}, {@code .ndjson}, optionally gzipped. */
    public static Optional<FileFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}

package dev.cohort.engine.duckdb;

import dev.cohort.model.CsvOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the header record of a CSV file (its first record, honouring quotes), to compare it with the
 * declared columns before DuckDB loads the rest: DuckDB itself skips a header without looking at it.
 */
final class CsvHeader {
    /** A header longer than this is not a header; reading stops there. */
    private static final int MAX_CHARS = 1 << 20;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvHeader() {}

    /** The names in the first record of {@code file}, trimmed; empty for an empty file. */
    static List<String> read(Path file, CsvOptions options) throws IOException {
        try (Reader reader = new BufferedReader(new InputStreamReader(InputFiles.open(file), StandardCharsets.UTF_8))) {
            return parse(reader, options);
        }
    }

    static List<String> parse(Reader source, CsvOptions options) throws IOException {
        Reader reader = source.markSupported() ? source : new BufferedReader(source);
        List<String> names = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean sawAnything = false;
        int c = reader.read();
        if (c == BYTE_ORDER_MARK) {
            c = reader.read();
        }
        for (int count = 0; c != -1 && count < MAX_CHARS; c = reader.read(), count++) {
            sawAnything = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == options.escape() && options.escape() != options.quote()) {
                    int next = reader.read();
                    if (next != -1) {
                        field.append((char) next);
                    }
                } else if (ch == options.quote()) {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == options.quote()) {
                        field.append(options.quote());
                    } else {
                        quoted = false;
                        reader.reset();
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == options.quote() && field.isEmpty()) {
                quoted = true;
            } else if (ch == options.delimiter()) {
                names.add(field.toString().strip());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                break;
            } else {
                field.append(ch);
            }
        }
        if (sawAnything) {
            names.add(field.toString().strip());
        }
        return names;
    }
}

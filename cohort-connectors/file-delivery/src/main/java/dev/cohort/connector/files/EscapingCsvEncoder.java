package dev.cohort.connector.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The encoder for formats whose escape character is not the quote (a backslash, as Spark and MySQL
 * write): inside a quoted value, the quote and the escape character are preceded by the escape
 * character. FastCSV only doubles quotes, hence this small writer.
 */
final class EscapingCsvEncoder implements CsvEncoder {
    private static final int BUFFER_CHARS = 64 * 1024;
    private final CsvFormat format;
    private final Writer out;
    private final String lineEnding;

    EscapingCsvEncoder(CsvFormat format, OutputStream stream) {
        this.format = format;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, format.charset()), BUFFER_CHARS);
        this.lineEnding = format.lineEnding().text();
    }

    @Override
    public void writeRow(String[] values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(format.delimiter());
                }
                writeValue(values[i]);
            }
            out.write(lineEnding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeValue(String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean quoted = format.quoteMode() == CsvFormat.QuoteMode.ALL
                || format.quoteMode() == CsvFormat.QuoteMode.AS_NEEDED && format.needsQuotes(value);
        if (!quoted) {
            out.write(value);
            return;
        }
        out.write(format.quoteChar());
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == format.quoteChar() || c == format.escapeChar()) {
                out.write(value, start, i - start);
                out.write(format.escapeChar());
                start = i;
            }
        }
        out.write(value, start, value.length() - start);
        out.write(format.quoteChar());
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

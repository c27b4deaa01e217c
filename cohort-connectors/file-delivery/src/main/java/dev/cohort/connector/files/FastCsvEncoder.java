package dev.cohort.connector.files;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The encoder for formats that escape a quote by doubling it (RFC 4180): FastCSV, which allocates nothing per row. */
final class FastCsvEncoder implements CsvEncoder {
    /** FastCSV quotes a first field that starts with its comment character; U+FFFF is a noncharacter no text holds. */
    private static final char NO_COMMENTS = '\uFFFF';
    private static final int BUFFER_CHARS = 64 * 1024;
    /** Every value quoted, but SQL NULL left as an empty field so that it stays distinguishable from "". */
    private static final QuoteStrategy ALL_BUT_NULL = new QuoteStrategy() {
        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return true;
        }

        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return true;
        }
    };
    private final CsvWriter writer;

    FastCsvEncoder(CsvFormat format, OutputStream out) {
        this.writer = CsvWriter.builder()
                .fieldSeparator(format.delimiter())
                .quoteCharacter(format.quoteChar())
                .commentCharacter(NO_COMMENTS)
                .quoteStrategy(format.quoteMode() == CsvFormat.QuoteMode.ALL ? ALL_BUT_NULL : QuoteStrategies.REQUIRED)
                .lineDelimiter(format.lineEnding() == CsvFormat.LineEnding.LF ? LineDelimiter.LF : LineDelimiter.CRLF)
                .bufferSize(BUFFER_CHARS)
                .build(out, format.charset());
    }

    @Override
    public void writeRow(String[] values) {
        writer.writeRecord(values);
    }

    @Override
    public void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

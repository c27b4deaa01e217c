package dev.cohort.sandbox.data;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file being written: UTF-8, comma-separated, LF line endings (FastCSV's default is CRLF),
 * fields quoted only when they must be. Counts its data rows. Not thread-safe.
 */
final class CsvFile implements Closeable {
    private static final int BUFFER_CHARS = 64 * 1024;

    private final Path path;
    private final CsvWriter writer;
    private long rows;
    private boolean closed;

    CsvFile(Path path, List<String> header) throws IOException {
        this.path = path;
        this.writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(BUFFER_CHARS)
                .build(path, StandardCharsets.UTF_8);
        writer.writeRecord(header);
    }

    /** Writes one data row; throws {@link java.io.UncheckedIOException} if the file cannot be written. */
    void write(String[] row) {
        writer.writeRecord(row);
        rows++;
    }

    /** Closes the file and describes it. */
    GeneratedFile finish() throws IOException {
        close();
        return new GeneratedFile(path.getFileName().toString(), path, rows, Files.size(path));
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}

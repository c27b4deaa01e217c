package dev.cohort.engine.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * Turns the byte positions DuckDB reports for rejected CSV rows into line numbers as an editor shows them.
 *
 * <p>DuckDB's {@code reject_errors.line} counts CSV records (the header is 1), not lines: after a quoted
 * value with a line break in it, the two drift apart. Its {@code line_byte_position} is exact: the
 * 1-based position, in the decompressed bytes, of the first byte of the record. So the editor line is one
 * plus the number of line breaks before that byte. Counting reads the file up to the last position
 * asked for, once.
 */
final class LineNumbers {
    private LineNumbers() {}

    /**
     * The editor line (1-based) of each 1-based byte position in {@code positions}. A position past the
     * end of the file maps to the last line.
     */
    static Map<Long, Long> ofBytePositions(Path file, SortedSet<Long> positions) throws IOException {
        Map<Long, Long> lines = new HashMap<>();
        if (positions.isEmpty()) {
            return lines;
        }
        try (InputStream in = InputFiles.open(file)) {
            byte[] buffer = new byte[1 << 16];
            long offset = 0;
            long lineBreaks = 0;
            var pending = positions.iterator();
            long target = pending.next() - 1;
            int read;
            while ((read = in.read(buffer)) != -1) {
                for (int i = 0; i < read; i++, offset++) {
                    while (offset >= target) {
                        lines.put(target + 1, lineBreaks + 1);
                        if (!pending.hasNext()) {
                            return lines;
                        }
                        target = pending.next() - 1;
                    }
                    if (buffer[i] == '\n') {
                        lineBreaks++;
                    }
                }
            }
            long lastLine = lineBreaks + 1;
            lines.put(target + 1, lastLine);
            pending.forEachRemaining(position -> lines.put(position, lastLine));
            return lines;
        }
    }
}

package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineNumbersTest {
    // line 1 at byte 1, line 2 at byte 4, a record spanning lines 3-4 at byte 8, line 5 at byte 16
    private static final String TEXT = "a,b\n1,2\n3,\"x\ny\"\n5,6\n";

    @TempDir
    Path directory;

    @Test
    void countsLineBreaksBeforeEachOneBasedBytePosition() throws IOException {
        Path file = Files.writeString(directory.resolve("f.csv"), TEXT);

        assertThat(LineNumbers.ofBytePositions(file, new TreeSet<>(java.util.List.of(1L, 5L, 9L, 17L))))
                .isEqualTo(Map.of(1L, 1L, 5L, 2L, 9L, 3L, 17L, 5L));
    }

    @Test
    void readsGzippedFilesDecompressed() throws IOException {
        Path file = directory.resolve("f.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(LineNumbers.ofBytePositions(file, new TreeSet<>(java.util.List.of(17L)))).isEqualTo(Map.of(17L, 5L));
    }

    @Test
    void positionsPastTheEndMapToTheLastLine() throws IOException {
        Path file = Files.writeString(directory.resolve("f.csv"), "a\nb");

        assertThat(LineNumbers.ofBytePositions(file, new TreeSet<>(java.util.List.of(3L, 99L)))).isEqualTo(Map.of(3L, 2L, 99L, 2L));
    }
}

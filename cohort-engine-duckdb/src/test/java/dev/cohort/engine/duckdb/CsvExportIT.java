package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.engine.EngineException;
import dev.cohort.spi.destination.CsvEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's CSV writer against the {@link CsvEncoding} contract, byte for byte, on awkward values. */
class CsvExportIT {
    private static final List<String> VALUES = Arrays.asList("plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere",
            "crlf\r\nhere", " lead", "trail ", "", null, "ünïcödé ✓", "semi;colon", "'single'", "\"", ",", "tab\there",
            "#hash", "-", "NULL", "0042", "1e5");

    @TempDir
    Path folder;

    private final DuckDbEngine engine = DuckDbEngine.inMemory();

    @AfterEach
    void close() {
        engine.close();
    }

    /** The rows as the contract says they are written: quoted when holding delimiter, quote or a line break. */
    private static String expected(List<List<String>> rows, CsvEncoding encoding) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    text.append(encoding.delimiter());
                }
                String value = row.get(i);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                boolean quote = value.indexOf(encoding.delimiter()) >= 0 || value.indexOf(encoding.quote()) >= 0
                        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
                if (quote) {
                    String q = String.valueOf(encoding.quote());
                    text.append(q).append(value.replace(q, String.valueOf(encoding.escape()) + q)).append(q);
                } else {
                    text.append(value);
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private String sql(List<List<String>> rows) {
        List<String> selects = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                cells.add((row.get(c) == null ? "CAST(NULL AS VARCHAR)" : DuckDbSql.literal(row.get(c))) + " AS c" + c);
            }
            selects.add("SELECT " + r + " AS n, " + String.join(", ", cells));
        }
        return "SELECT * EXCLUDE (n) FROM (" + String.join(" UNION ALL ", selects) + ") ORDER BY n";
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (String value : VALUES) {
            rows.add(Arrays.asList(value, "x", value));
        }
        return rows;
    }

    @Test
    void duckDbWritesExactlyTheContractsCsv() throws IOException {
        for (CsvEncoding encoding : List.of(CsvEncoding.RFC_4180, new CsvEncoding(';', '"', '"', false),
                new CsvEncoding('|', '\'', '\'', false), new CsvEncoding('\t', '"', '"', false))) {
            Path file = folder.resolve("out-" + (int) encoding.delimiter() + ".csv");
            long rows = engine.exportCsv(sql(rows()), encoding, file);

            assertThat(rows).isEqualTo(VALUES.size());
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(encoding.toString()).isEqualTo(expected(rows(), encoding));
        }
    }

    @Test
    void forPostgresCopyTheEmptyStringIsQuotedAndNullStaysAnEmptyField() throws IOException {
        Path file = folder.resolve("copy.csv");
        engine.exportCsv("SELECT * FROM (VALUES ('a', 1), ('', NULL), (NULL, 2), ('x,\"y\"', 3)) t(s, i)",
                CsvEncoding.POSTGRES_COPY, file);

        assertThat(Files.readString(file)).isEqualTo("a,1\n\"\",\n,2\n\"x,\"\"y\"\"\",3\n");
        engine.exportCsv("SELECT '' AS s, NULL AS n", CsvEncoding.RFC_4180, file);
        assertThat(Files.readString(file)).as("file partners get both as an empty field").isEqualTo(",\n");
    }

    @Test
    void typedValuesAreWrittenAsTheCursorReadsThem() throws IOException {
        String sql = "SELECT 12.50::DECIMAL(5,2) AS d, DATE '2024-01-02' AS day, TRUE AS b, 42 AS i, [1, 2] AS l";
        Path file = folder.resolve("typed.csv");
        engine.exportCsv(sql, CsvEncoding.RFC_4180, file);
        try (var cursor = engine.open(sql)) {
            cursor.next();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                values.add(cursor.value(i));
            }
            assertThat(Files.readString(file)).isEqualTo(expected(List.of(values), CsvEncoding.RFC_4180));
        }
    }

    @Test
    void rowsStreamThroughANamedPipe() throws Exception {
        Path fifo = folder.resolve("rows.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<Long> copy = CompletableFuture.supplyAsync(() -> engine.exportCsv(
                "SELECT i, 'value ' || i FROM range(200000) t(i)", CsvEncoding.RFC_4180, fifo));
        long lines = 0;
        try (InputStream in = Files.newInputStream(fifo)) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        assertThat(copy.get()).isEqualTo(200_000L);
        assertThat(lines).isEqualTo(200_000L);
    }

    @Test
    void onlyASingleSelectIsExported() {
        assertThatThrownBy(() -> engine.exportCsv("SELECT 1; DROP TABLE x", CsvEncoding.RFC_4180, folder.resolve("x.csv")))
                .isInstanceOf(EngineException.class);
        assertThat(engine.canExportCsv(new CsvEncoding(',', '"', '\\', false))).isFalse();
        assertThat(engine.canExportCsv(new CsvEncoding(',', '"', '"', true))).isFalse();
    }
}

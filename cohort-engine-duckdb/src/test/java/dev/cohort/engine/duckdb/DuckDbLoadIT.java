package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.engine.BadRow;
import dev.cohort.engine.EngineException;
import dev.cohort.engine.LoadRequest;
import dev.cohort.engine.LoadResult;
import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading behaviour particular to DuckDB: Parquet and JSON written by DuckDB itself, its reject tables, its messages. */
class DuckDbLoadIT {
    private static final List<ColumnDefinition> COLUMNS = List.of(
            new ColumnDefinition("id", "BIGINT", false),
            new ColumnDefinition("email", "VARCHAR", true),
            new ColumnDefinition("joined", "DATE", false));

    @TempDir
    Path directory;
    DuckDbEngine engine;

    @BeforeEach
    void open() {
        engine = DuckDbEngine.open(directory.resolve("db.duckdb"));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void loadsParquetWrittenByDuckDb() throws SQLException {
        Path file = directory.resolve("customers.parquet");
        copy("SELECT range AS id, 'user' || range || '@example.com' AS email, DATE '2024-01-01' + range::INT AS joined FROM range(1000)", file, "PARQUET");

        LoadResult result = engine.load(request(file, FileFormat.PARQUET, List.of()));

        assertThat(result.rowsLoaded()).isEqualTo(1000);
        assertThat(engine.table("customers").orElseThrow().columns()).extracting("type").containsExactly("BIGINT", "VARCHAR", "DATE");
    }

    @Test
    void castsParquetColumnsToTheDeclaredTypes() throws SQLException {
        Path file = directory.resolve("customers.parquet");
        copy("SELECT range::INT AS id, 'x' AS email, '2024-02-03' AS joined FROM range(3)", file, "PARQUET");

        engine.load(request(file, FileFormat.PARQUET, COLUMNS));

        assertThat(engine.table("customers").orElseThrow().columns()).extracting("type").containsExactly("BIGINT", "VARCHAR", "DATE");
    }

    @Test
    void parquetWithoutADeclaredColumnNamesIt() throws SQLException {
        Path file = directory.resolve("customers.parquet");
        copy("SELECT 1 AS id, 'x' AS email", file, "PARQUET");

        assertThatThrownBy(() -> engine.load(request(file, FileFormat.PARQUET, COLUMNS)))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.SQL_ERROR);
                    assertThat(e.getMessage()).contains(file.toString(), "joined", "nothing was changed");
                });
    }

    @Test
    void loadsJsonLinesWrittenByDuckDbWithDeclaredColumns() throws SQLException {
        Path file = directory.resolve("customers.jsonl");
        copy("SELECT range AS id, 'u' || range AS email, DATE '2024-01-01' AS joined FROM range(5)", file, "JSON");

        LoadResult result = engine.load(request(file, FileFormat.JSONL, COLUMNS));

        assertThat(result.rowsLoaded()).isEqualTo(5);
        assertThat(result.table().columns()).extracting("type").containsExactly("BIGINT", "VARCHAR", "DATE");
    }

    @Test
    void loadsGzippedJsonLines() throws IOException {
        Path file = directory.resolve("customers.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"id\": 1}\n{\"id\": 2}\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(engine.load(request(file, FileFormat.JSONL, List.of())).rowsLoaded()).isEqualTo(2);
    }

    @Test
    void malformedJsonFailsWithoutRepeatingTheData() throws IOException {
        Path file = Files.writeString(directory.resolve("customers.jsonl"), "{\"id\": 1, \"email\": \"ann@example.com\"}\n{\"id\": 2, \"email\": \"bob@example.com\"\n");

        assertThatThrownBy(() -> engine.load(request(file, FileFormat.JSONL, List.of())))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.BAD_ROWS);
                    assertThat(e.getMessage()).contains("Malformed JSON").doesNotContain("bob@example.com");
                });
    }

    @Test
    void readsGzipWhateverTheFileIsCalled() throws IOException {
        Path file = directory.resolve("customers.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("id,email,joined\n1,a@x.com,2024-01-01\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(engine.load(request(file, FileFormat.CSV, COLUMNS)).rowsLoaded()).isEqualTo(1);
    }

    @Test
    void reportsEditorLinesInGzippedFilesWithAByteOrderMark() throws IOException {
        Path file = directory.resolve("customers.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("\uFEFFid,email,joined\n1,\"two\nlines\",2024-01-01\n2,b,not a date\n".getBytes(StandardCharsets.UTF_8));
        }

        LoadResult result = engine.load(new LoadRequest("customers", file, FileFormat.CSV, null, COLUMNS, BadRowPolicy.SKIP));

        assertThat(result.badRowsSample()).containsExactly(new BadRow(4, "joined", "could not convert to DATE"));
    }

    @Test
    void namesEachKindOfBadRowWithoutItsContent() throws IOException {
        Path file = Files.writeString(directory.resolve("customers.csv"), """
                id,email,joined
                1,ann@example.com,2024-01-01
                x,bob@example.com,2024-01-02
                3,cy@example.com,2024-01-03,surplus
                4,dee@example.com
                5,"eve@example.com"oops,2024-01-05
                """);

        LoadResult result = engine.load(new LoadRequest("customers", file, FileFormat.CSV, null, COLUMNS, BadRowPolicy.SKIP));

        assertThat(result.rowsLoaded()).isEqualTo(1);
        assertThat(result.rowsSkipped()).isEqualTo(4);
        assertThat(result.badRowsSample()).containsExactly(
                new BadRow(3, "id", "could not convert to BIGINT"),
                new BadRow(4, null, "too many columns (found 4, expected 3)"),
                new BadRow(5, "joined", "missing columns (found 2, expected 3)"),
                new BadRow(6, "email", "unterminated quote, or text after a closing quote"));
    }

    @Test
    void countsEachBadLineOnceAndKeepsTwentyInTheSample() throws IOException {
        StringBuilder csv = new StringBuilder("id,email,joined\n");
        for (int i = 0; i < 50; i++) {
            csv.append("bad").append(i).append(",x,not a date\n").append(i).append(",ok,2024-01-01\n");
        }
        Path file = Files.writeString(directory.resolve("customers.csv"), csv);

        assertThatThrownBy(() -> engine.load(request(file, FileFormat.CSV, COLUMNS)))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.badRows()).hasSize(20);
                    assertThat(e.badRows().get(0)).isEqualTo(new BadRow(2, "id", "could not convert to BIGINT"));
                    assertThat(e.badRows().get(19).line()).isEqualTo(40);
                    assertThat(e.getMessage()).contains("50 bad rows", "and 45 more")
                            .contains("line 2, column id: could not convert to BIGINT; line 4, column id");
                });
    }

    @Test
    void findsBadRowsFarIntoALargeFile() throws IOException {
        StringBuilder csv = new StringBuilder("id,email,joined\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append(i).append(i % 1000 == 0 ? ",\"multi\nline\"," : ",plain,").append("2024-01-01\n");
        }
        csv.append("oops,x,2024-01-01\n");
        Path file = Files.writeString(directory.resolve("customers.csv"), csv);

        LoadResult result = engine.load(new LoadRequest("customers", file, FileFormat.CSV, null, COLUMNS, BadRowPolicy.SKIP));

        assertThat(result.rowsLoaded()).isEqualTo(300_000);
        assertThat(result.badRowsSample()).extracting(BadRow::line).containsExactly(1L + 300_000 + 300 + 1);
    }

    @Test
    void headerThatLooksLikeDataIsNotRepeated() throws IOException {
        Path file = Files.writeString(directory.resolve("customers.csv"), "1,ann@example.com,2024-01-01\n");

        assertThatThrownBy(() -> engine.load(request(file, FileFormat.CSV, COLUMNS)))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.getMessage())
                        .contains("set header to false").doesNotContain("ann@example.com"));
    }

    @Test
    void aDeclaredTypeThatIsNotATypeIsRefused() throws IOException {
        Path file = Files.writeString(directory.resolve("customers.csv"), "id\n1\n");
        List<ColumnDefinition> columns = List.of(new ColumnDefinition("id", "BIGINT); DROP TABLE x; --", false));

        assertThatThrownBy(() -> engine.load(request(file, FileFormat.CSV, columns)))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.SQL_ERROR);
                    assertThat(e.getMessage()).contains("not a type name");
                });
    }

    @Test
    void anUnknownTypeGetsDuckDbsSuggestion() throws IOException {
        Path file = Files.writeString(directory.resolve("customers.csv"), "id\n1\n");

        assertThatThrownBy(() -> engine.load(request(file, FileFormat.CSV, List.of(new ColumnDefinition("id", "BIGINTEGER", false)))))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.SQL_ERROR);
                    assertThat(e.getMessage()).contains("Type with name BIGINTEGER does not exist");
                });
    }

    @Test
    void aDirectoryIsNotAReadableFile() {
        assertThatThrownBy(() -> engine.load(request(directory, FileFormat.CSV, List.of())))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.FILE_NOT_READABLE);
                    assertThat(e.getMessage()).contains("is a directory");
                });
    }

    @Test
    void stagingTableNamesAreReserved() throws IOException {
        Path file = Files.writeString(directory.resolve("customers.csv"), "id\n1\n");
        LoadRequest request = new LoadRequest(TableCatalog.STAGING_PREFIX + "x", file, FileFormat.CSV, CsvOptions.DEFAULT, List.of(), BadRowPolicy.FAIL);

        assertThatThrownBy(() -> engine.load(request)).hasMessageContaining("reserved");
    }

    private static LoadRequest request(Path file, FileFormat format, List<ColumnDefinition> columns) {
        return new LoadRequest("customers", file, format, CsvOptions.DEFAULT, columns, BadRowPolicy.FAIL);
    }

    /** Writes a fixture with DuckDB's COPY, in a database of its own. */
    private static void copy(String select, Path file, String format) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO " + DuckDbSql.literal(file.toString()) + " (FORMAT " + format + ")");
        }
    }
}

package dev.cohort.engine;

import static dev.cohort.engine.EngineFixtures.CUSTOMERS_CSV;
import static dev.cohort.engine.EngineFixtures.CUSTOMER_COLUMNS;
import static dev.cohort.engine.EngineFixtures.csv;
import static dev.cohort.engine.EngineFixtures.rows;
import static dev.cohort.engine.EngineFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How every {@link Engine} loads files: formats, CSV options, bad rows by editor line, atomic replacement.
 * A backend's test extends this class and says how to open its engine. Messages are checked only where
 * they are Cohort's own (file, count, lines, how to fix), not the backend's.
 */
public abstract class EngineLoadContract {
    @TempDir
    protected Path directory;
    protected Engine engine;

    /** A new engine whose database lives under {@code directory}. */
    protected abstract Engine newEngine(Path directory);

    @BeforeEach
    void openEngine() {
        engine = newEngine(directory);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void loadsCsvWithInferredColumns() throws IOException {
        LoadResult result = engine.load(csv("customers", write(directory, "customers.csv", CUSTOMERS_CSV), List.of()));

        assertThat(result.rowsLoaded()).isEqualTo(3);
        assertThat(result.rowsSkipped()).isZero();
        assertThat(result.table().columns()).extracting(Column::name).containsExactly("id", "email", "points");
        assertThat(rows(engine, "SELECT email FROM customers ORDER BY id")).containsExactly(
                List.of("ann@example.com"), List.of("bob@example.com"), List.of("cy@example.com"));
    }

    @Test
    void loadsCsvWithDeclaredColumnTypes() throws IOException {
        engine.load(csv("customers", write(directory, "customers.csv", CUSTOMERS_CSV), CUSTOMER_COLUMNS));

        assertThat(engine.table("customers").orElseThrow().columns()).containsExactly(
                new Column("id", "BIGINT"), new Column("email", "VARCHAR"), new Column("points", "INTEGER"));
    }

    @Test
    void loadsTabSeparatedFileWithoutHeader() throws IOException {
        Path file = write(directory, "customers.tsv", "1\tann@example.com\t10\n2\tbob@example.com\t20\n");
        CsvOptions tabs = new CsvOptions('\t', false, '"', '"', "");

        LoadResult result = engine.load(new LoadRequest("customers", file, FileFormat.CSV, tabs, CUSTOMER_COLUMNS, BadRowPolicy.FAIL));

        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(rows(engine, "SELECT points FROM customers ORDER BY id")).containsExactly(List.of("10"), List.of("20"));
    }

    @Test
    void keepsQuotedDelimitersAndLineBreaksInValues() throws IOException {
        Path file = write(directory, "notes.csv", "id,note\n1,\"a, b\"\n2,\"two\nlines\"\n3,\"say \"\"hi\"\"\"\n");

        engine.load(csv("notes", file, List.of(new ColumnDefinition("id", "BIGINT", false), new ColumnDefinition("note", "VARCHAR", false))));

        assertThat(rows(engine, "SELECT note FROM notes ORDER BY id"))
                .containsExactly(List.of("a, b"), List.of("two\nlines"), List.of("say \"hi\""));
    }

    @Test
    void readsTheNullStringAsNull() throws IOException {
        Path file = write(directory, "customers.csv", "id,email,points\n1,NA,10\n");
        CsvOptions options = new CsvOptions(',', true, '"', '"', "NA");

        engine.load(new LoadRequest("customers", file, FileFormat.CSV, options, CUSTOMER_COLUMNS, BadRowPolicy.FAIL));

        assertThat(rows(engine, "SELECT email FROM customers")).containsExactly(Collections.singletonList(null));
    }

    @Test
    void loadsGzippedCsv() throws IOException {
        Path file = directory.resolve("customers.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CUSTOMERS_CSV.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(engine.load(csv("customers", file, CUSTOMER_COLUMNS)).rowsLoaded()).isEqualTo(3);
    }

    @Test
    void loadsJsonLines() throws IOException {
        Path file = write(directory, "events.jsonl", "{\"id\": 1, \"kind\": \"visit\"}\n{\"id\": 2, \"kind\": \"buy\"}\n");

        LoadResult result = engine.load(new LoadRequest("events", file, FileFormat.JSONL, null, List.of(), BadRowPolicy.FAIL));

        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(rows(engine, "SELECT kind FROM events ORDER BY id")).containsExactly(List.of("visit"), List.of("buy"));
    }

    @Test
    void failsOnBadRowsNamingLinesColumnsAndReasonsButNoValues() throws IOException {
        Path file = write(directory, "customers.csv", """
                id,email,points
                1,ann@example.com,10
                2,bob@example.com,lots
                3,cy@example.com,30,extra
                4,dee@example.com,40
                """);

        assertThatThrownBy(() -> engine.load(csv("customers", file, CUSTOMER_COLUMNS)))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.BAD_ROWS);
                    assertThat(e.badRows()).extracting(BadRow::line).containsExactly(3L, 4L);
                    assertThat(e.badRows().get(0).column()).isEqualTo("points");
                    assertThat(e.getMessage())
                            .contains(file.toString(), "2 bad rows", "line 3, column points", "line 4",
                                    "--skip-bad-rows")
                            .doesNotContain("lots", "bob@example.com", "cy@example.com", "extra");
                });
        assertThat(engine.table("customers")).isEmpty();
    }

    @Test
    void skipsAndCountsBadRowsWhenAsked() throws IOException {
        Path file = write(directory, "customers.csv", """
                id,email,points
                1,ann@example.com,10
                2,bob@example.com,lots
                3,cy@example.com
                4,dee@example.com,40
                """);

        LoadResult result = engine.load(new LoadRequest("customers", file, FileFormat.CSV, null, CUSTOMER_COLUMNS, BadRowPolicy.SKIP));

        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(result.rowsSkipped()).isEqualTo(2);
        assertThat(result.badRowsSample()).extracting(BadRow::line).containsExactly(3L, 4L);
        assertThat(rows(engine, "SELECT id FROM customers ORDER BY id")).containsExactly(List.of("1"), List.of("4"));
    }

    @Test
    void countsLinesAsAnEditorDoesAfterQuotedLineBreaks() throws IOException {
        Path file = write(directory, "notes.csv", "id,note\n1,\"first\nsecond\nthird\"\n2,fine\nx,bad id\n");

        LoadResult result = engine.load(new LoadRequest("notes", file, FileFormat.CSV, null,
                List.of(new ColumnDefinition("id", "BIGINT", false), new ColumnDefinition("note", "VARCHAR", false)), BadRowPolicy.SKIP));

        assertThat(result.badRowsSample()).extracting(BadRow::line).containsExactly(6L);
    }

    @Test
    void failedReloadLeavesThePreviousTable() throws IOException {
        engine.load(csv("customers", write(directory, "good.csv", CUSTOMERS_CSV), CUSTOMER_COLUMNS));
        Path bad = write(directory, "bad.csv", "id,email,points\n9,zed@example.com,many\n");

        assertThatThrownBy(() -> engine.load(csv("customers", bad, CUSTOMER_COLUMNS))).isInstanceOf(EngineException.class);

        assertThat(engine.table("customers").orElseThrow().rowCount()).isEqualTo(3);
        assertThat(engine.tables()).extracting(TableInfo::name).containsExactly("customers");
    }

    @Test
    void reloadReplacesTheTable() throws IOException {
        engine.load(csv("customers", write(directory, "first.csv", CUSTOMERS_CSV), CUSTOMER_COLUMNS));

        engine.load(csv("customers", write(directory, "second.csv", "id,email,points\n7,gus@example.com,70\n"), CUSTOMER_COLUMNS));

        assertThat(rows(engine, "SELECT id FROM customers")).containsExactly(List.of("7"));
    }

    @Test
    void headerThatDoesNotMatchTheDeclaredColumnsNamesBoth() throws IOException {
        Path file = write(directory, "customers.csv", "id,e_mail,points,extra\n1,ann@example.com,10,x\n");

        assertThatThrownBy(() -> engine.load(csv("customers", file, CUSTOMER_COLUMNS)))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.BAD_ROWS);
                    assertThat(e.getMessage()).contains(file.toString(), "Expected: id, email, points",
                            "Found: id, e_mail, points, extra");
                });
    }

    @Test
    void missingFileIsNotReadable() {
        Path missing = directory.resolve("nowhere.csv");

        assertThatThrownBy(() -> engine.load(csv("customers", missing, List.of())))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(EngineException.FILE_NOT_READABLE);
                    assertThat(e.getMessage()).contains(missing.toString(), "does not exist");
                });
    }
}

package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.engine.LoadRequest;
import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceQueryTest {
    private static final Path FILE = Path.of("/data/it's.csv");

    @Test
    void declaredCsvColumnsAreTypedExactlyWithTheSnifferOff() {
        LoadRequest request = new LoadRequest("t", FILE, FileFormat.CSV, new CsvOptions('\t', false, '"', '\\', "NULL"),
                List.of(new ColumnDefinition("id", "BIGINT", false), new ColumnDefinition("o'k", "DECIMAL(10,2)", false)),
                BadRowPolicy.FAIL);

        SourceQuery query = SourceQuery.of(request, true, "abc");

        assertThat(query.sql()).isEqualTo("SELECT * FROM read_csv('/data/it''s.csv', compression='gzip', delim='\t', quote='\"',"
                + " escape='\\', header=false, nullstr='NULL', auto_detect=false, columns={'id': 'BIGINT', 'o''k': 'DECIMAL(10,2)'},"
                + " store_rejects=true, rejects_table='cohort_rejects_abc', rejects_scan='cohort_reject_scans_abc')");
        assertThat(query.rejectsTable()).isEqualTo("cohort_rejects_abc");
    }

    @Test
    void undeclaredCsvColumnsAreInferred() {
        SourceQuery query = SourceQuery.of(new LoadRequest("t", FILE, FileFormat.CSV, null, List.of(), null), false, "x");

        assertThat(query.sql()).contains("auto_detect=true").doesNotContain("columns=", "compression");
    }

    @Test
    void parquetColumnsAreCastToTheirDeclaredTypes() {
        LoadRequest request = new LoadRequest("t", Path.of("/d/f.parquet"), FileFormat.PARQUET, null,
                List.of(new ColumnDefinition("Id", "BIGINT", false)), null);

        assertThat(SourceQuery.of(request, false, "x").sql()).isEqualTo("SELECT CAST(\"Id\" AS BIGINT) AS \"Id\" FROM read_parquet('/d/f.parquet')");
        assertThat(SourceQuery.of(request, false, "x").rejectsTable()).isNull();
    }

    @Test
    void jsonLinesAreReadNewlineDelimited() {
        LoadRequest request = new LoadRequest("t", Path.of("/d/f.jsonl"), FileFormat.JSONL, null, List.of(), null);

        assertThat(SourceQuery.of(request, false, "x").sql()).isEqualTo("SELECT * FROM read_json('/d/f.jsonl', format='newline_delimited')");
    }
}

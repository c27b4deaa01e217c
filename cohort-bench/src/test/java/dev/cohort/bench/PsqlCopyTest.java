package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PsqlCopyTest {
    @Test
    void copiesACsvWithAHeaderQuotingThePath() {
        assertThat(PsqlCopy.copyCommand("psql_customers", Path.of("/tmp/it's/export.csv")))
                .isEqualTo("\\copy psql_customers FROM '/tmp/it''s/export.csv' WITH (FORMAT csv, HEADER true)");
    }

    @Test
    void readsTheRowsPsqlReportsCopied() {
        assertThat(PsqlCopy.copied("COPY 1000000")).contains(1_000_000L);
        assertThat(PsqlCopy.copied("Timing is on.\nCOPY 42\n")).contains(42L);
        assertThat(PsqlCopy.copied("ERROR:  relation \"x\" does not exist")).isEqualTo(Optional.empty());
    }

    @Test
    void showsTheCommandAsAShellWouldTakeIt() {
        assertThat(WarehouseBenchmark.shellWord("cohort_bench_1a2b")).isEqualTo("cohort_bench_1a2b");
        assertThat(WarehouseBenchmark.shellWord("\\copy t FROM '/tmp/a.csv' WITH (FORMAT csv)"))
                .isEqualTo("\"\\copy t FROM '/tmp/a.csv' WITH (FORMAT csv)\"");
        assertThat(WarehouseBenchmark.shellWord("say \"$HOME\"")).isEqualTo("'say \"$HOME\"'");
    }
}

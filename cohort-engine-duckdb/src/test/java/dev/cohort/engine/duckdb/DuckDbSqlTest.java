package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuckDbSqlTest {
    @Test
    void doublesQuotesInIdentifiers() {
        assertThat(DuckDbSql.identifier("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
    }

    @Test
    void doublesApostrophesInLiteralsAndLeavesBackslashesAlone() {
        assertThat(DuckDbSql.literal("it's \\n")).isEqualTo("'it''s \\n'");
    }
}

package dev.cohort.connector.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnTypesTest {
    @Test
    void engineTypesMapToPostgresTypesThatReadTheirTextBackAndTheRestIsText() {
        assertThat(ColumnTypes.of("BIGINT", true)).isEqualTo("bigint");
        assertThat(ColumnTypes.of("DECIMAL(14,2)", true)).isEqualTo("numeric(14,2)");
        assertThat(ColumnTypes.of("decimal(18, 3)", true)).isEqualTo("numeric(18,3)");
        assertThat(ColumnTypes.of("TIMESTAMP WITH TIME ZONE", true)).isEqualTo("timestamptz");
        assertThat(ColumnTypes.of("HUGEINT", true)).isEqualTo("numeric(39,0)");
        assertThat(ColumnTypes.of("VARCHAR[]", true)).isEqualTo("text");
        assertThat(ColumnTypes.of("STRUCT(a INTEGER)", true)).isEqualTo("text");
        assertThat(ColumnTypes.of("BLOB", true)).isEqualTo("text");
        assertThat(ColumnTypes.of(null, true)).isEqualTo("text");
        assertThat(ColumnTypes.of("BIGINT", false)).isEqualTo("VARCHAR(4000)");
    }
}

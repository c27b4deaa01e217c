package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineMessagesTest {
    @Test
    void keepsCatalogErrorsWholeWithTheirSuggestionAndPosition() {
        String raw = "Catalog Error: Table with name custmers does not exist!\nDid you mean \"customers\"?\n\n"
                + "LINE 1: select * from custmers\n                      ^^^^^^^^\n";

        assertThat(EngineMessages.fromDuckDb(raw)).isEqualTo(raw.strip());
    }

    @Test
    void keepsIdentifiersInBinderAndParserErrors() {
        assertThat(EngineMessages.fromDuckDb("Binder Error: Referenced column \"mail\" not found in FROM clause!"))
                .contains("\"mail\"");
        assertThat(EngineMessages.fromDuckDb("Parser Error: syntax error at or near \"selec\"")).contains("\"selec\"");
    }

    @Test
    void hidesValuesInConversionErrorsAndDropsTheQueryExcerpt() {
        String raw = "Conversion Error: Could not convert string 'jane@x.com' to INT32 when casting from source column email\n\n"
                + "LINE 1: select cast(email as int) from (select 'jane@x.com' email)\n               ^^^^";

        assertThat(EngineMessages.fromDuckDb(raw))
                .isEqualTo("Conversion Error: Could not convert string '…' to INT32 when casting from source column email");
    }

    @Test
    void hidesValuesInInvalidInputErrorsIncludingWholeCsvLines() {
        String raw = "Invalid Input Error: CSV Error on Line: 3\nOriginal Line: 2,jane@x.com,x\nError when converting column \"age\".";

        assertThat(EngineMessages.fromDuckDb(raw)).isEqualTo("Invalid Input Error: CSV Error on Line: 3");
        assertThat(EngineMessages.fromDuckDb("Invalid Input Error: Could not parse string \"jane\" according to format specifier \"%Y\"\njane\n^"))
                .isEqualTo("Invalid Input Error: Could not parse string \"…\" according to format specifier \"…\"");
    }

    @Test
    void hidesNumbersThatOverflowOrAreOutOfRange() {
        assertThat(EngineMessages.fromDuckDb("Out of Range Error: Overflow in multiplication of INT32 (5551234 * 100000)!"))
                .isEqualTo("Out of Range Error: Overflow in multiplication of INT32 (…)!");
        assertThat(EngineMessages.fromDuckDb("Conversion Error: Type INT64 with value 5551234567 can't be cast because the value is out of range for the destination type INT32"))
                .isEqualTo("Conversion Error: Type INT64 with value … can't be cast because the value is out of range for the destination type INT32");
    }

    @Test
    void treatsUnknownErrorTypesAsIfTheyHeldData() {
        assertThat(EngineMessages.fromDuckDb("Constraint Error: Duplicate key \"id: 5551234\" violates primary key constraint"))
                .isEqualTo("Constraint Error: Duplicate key \"…\" violates primary key constraint");
        assertThat(EngineMessages.fromDuckDb("something odd happened with 'secret'")).isEqualTo("something odd happened with '…'");
    }

    @Test
    void removesDriverPrefixes() {
        assertThat(EngineMessages.fromDuckDb("java.sql.SQLException: Catalog Error: Table with name x does not exist!"))
                .isEqualTo("Catalog Error: Table with name x does not exist!");
        assertThat(EngineMessages.fromDuckDb(null)).isEqualTo("DuckDB failed without a message");
    }

    @Test
    void readsTheErrorType() {
        assertThat(EngineMessages.errorType("Out of Memory Error: could not allocate")).isEqualTo("Out of Memory Error");
        assertThat(EngineMessages.errorType("IO Error: No files found")).isEqualTo("IO Error");
        assertThat(EngineMessages.errorType("no type here")).isEmpty();
    }
}

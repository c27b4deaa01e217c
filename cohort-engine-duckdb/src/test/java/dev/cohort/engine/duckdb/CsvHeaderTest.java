package dev.cohort.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.CsvOptions;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvHeaderTest {
    @Test
    void readsTheFirstRecordOnly() throws IOException {
        assertThat(parse("id,email ,points\r\n1,a,2\n", CsvOptions.DEFAULT)).containsExactly("id", "email", "points");
    }

    @Test
    void honoursQuotesEscapesAndOtherDelimiters() throws IOException {
        assertThat(parse("\"id\",\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\nx", CsvOptions.DEFAULT))
                .containsExactly("id", "a, b", "say \"hi\"", "two\nlines");
        assertThat(parse("'it\\'s';b\n", new CsvOptions(';', true, '\'', '\\', ""))).containsExactly("it's", "b");
        assertThat(parse("a\tb\n", new CsvOptions('\t', true, '"', '"', ""))).containsExactly("a", "b");
    }

    @Test
    void skipsAByteOrderMarkAndKeepsEmptyNames() throws IOException {
        assertThat(parse("\uFEFFid,,x", CsvOptions.DEFAULT)).containsExactly("id", "", "x");
    }

    @Test
    void anEmptyFileHasNoNames() throws IOException {
        assertThat(parse("", CsvOptions.DEFAULT)).isEmpty();
    }

    private static List<String> parse(String text, CsvOptions options) throws IOException {
        return CsvHeader.parse(new StringReader(text), options);
    }
}

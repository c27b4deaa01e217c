package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.spi.config.ConfigProblem;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CsvEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFormatTest {
    private static final List<String> FIELDS = List.of("id", "name");

    @Test
    void theDefaultQuotesOnlyWhatNeedsItAndEndsLinesWithLf() {
        assertThat(encode(CsvFormat.DEFAULT, row("1", "Ada"), row("2", "O\"Brien, Pat"), row("3", null), row("4", "two\nlines"), row("5", "#5")))
                .isEqualTo("1,Ada\n2,\"O\"\"Brien, Pat\"\n3,\n4,\"two\nlines\"\n5,#5\n");
    }

    @Test
    void quoteModeAllQuotesEveryValueButLeavesNullEmpty() {
        CsvFormat all = CsvFormat.DEFAULT.withQuoteMode(CsvFormat.QuoteMode.ALL);

        assertThat(encode(all, row("1", ""), row("2", null))).isEqualTo("\"1\",\"\"\n\"2\",\n");
    }

    @Test
    void crlfTabAndABackslashEscapeAreHonoured() {
        CsvFormat tsv = CsvFormat.DEFAULT.withDelimiter('\t').withLineEnding(CsvFormat.LineEnding.CRLF);
        CsvFormat backslash = new CsvFormat(',', true, CsvFormat.QuoteMode.AS_NEEDED, '"', '\\', CsvFormat.LineEnding.LF,
                StandardCharsets.UTF_8);

        assertThat(encode(tsv, row("1", "a,b"), row("2", "a\tb"))).isEqualTo("1\ta,b\r\n2\t\"a\tb\"\r\n");
        assertThat(encode(backslash, row("1", "say \"hi\""), row("2", "C:\\temp"), row("3", "plain")))
                .isEqualTo("1,\"say \\\"hi\\\"\"\n2,\"C:\\\\temp\"\n3,plain\n");
    }

    @Test
    void quoteModeNoneRejectsValuesThatWouldNeedQuotesNamingTheFieldNotTheValue() {
        RowValidator validator = CsvFormat.DEFAULT.withQuoteMode(CsvFormat.QuoteMode.NONE).rowValidator();

        assertThat(validator.check(row("1", "Ada"), FIELDS)).isEmpty();
        assertThat(validator.check(row("1", null), FIELDS)).isEmpty();
        assertThat(validator.check(row("1", "Lovelace, Ada"), FIELDS)).hasValue(
                "field name: contains the delimiter (a comma), which a file without quoting (quote_mode none) cannot hold");
        assertThat(validator.check(row("1", "the \"best\""), FIELDS)).get().asString()
                .startsWith("field name: contains the quote character (a double quote)").doesNotContain("best");
        assertThat(validator.check(row("1\r", "x"), FIELDS)).get().asString().startsWith("field id: contains a line break");
    }

    @Test
    void aCharsetThatCannotHoldAValueRejectsItsRow() {
        CsvFormat latin1 = new CsvFormat(',', true, CsvFormat.QuoteMode.AS_NEEDED, '"', '"', CsvFormat.LineEnding.LF,
                StandardCharsets.ISO_8859_1);

        assertThat(latin1.rowValidator().check(row("1", "Zoë"), FIELDS)).isEmpty();
        assertThat(latin1.rowValidator().check(row("1", "Zoë 🙂"), FIELDS)).hasValue(
                "field name: contains characters that ISO-8859-1 cannot hold; use charset UTF-8");
        assertThat(encode(latin1, row("1", "Zoë"))).isEqualTo("1,Zoë\n");
    }

    @Test
    void theDataEncodingIsGivenOnlyForFormatsThatHoldEveryRow() {
        CsvFormat semicolon = CsvFormat.DEFAULT.withDelimiter(';');

        assertThat(semicolon.dataEncoding()).contains(new CsvEncoding(';', '"', '"', false));
        assertThat(semicolon.rowValidator()).isSameAs(RowValidator.ACCEPT_ALL);
        assertThat(CsvFormat.DEFAULT.withLineEnding(CsvFormat.LineEnding.CRLF).dataEncoding()).isEmpty();
    }

    @Test
    void quoteAllAndABackslashEscapeWriteWhatCsvEncodingCannotDescribe() {
        CsvFormat all = CsvFormat.DEFAULT.withQuoteMode(CsvFormat.QuoteMode.ALL);
        CsvFormat backslash = new CsvFormat(',', true, CsvFormat.QuoteMode.AS_NEEDED, '"', '\\', CsvFormat.LineEnding.LF,
                StandardCharsets.UTF_8);
        String[] empty = row("1", "");
        String[] path = row("2", "C:\\temp");

        assertThat(encode(all, empty)).isEqualTo("\"1\",\"\"\n");
        assertThat(reference(new CsvEncoding(',', '"', '"', true), empty)).isEqualTo("\"1\",\n");
        assertThat(all.dataEncoding()).isEmpty();
        assertThat(encode(backslash, path)).isEqualTo("2,\"C:\\\\temp\"\n");
        assertThat(reference(new CsvEncoding(',', '"', '\\', false), path)).isEqualTo("2,C:\\temp\n");
        assertThat(backslash.dataEncoding()).isEmpty();
    }

    @Test
    void bindsTheDeclaredSettings() {
        Settings settings = new Settings(CsvFormat.SETTINGS, Map.of("delimiter", "tab", "header", false, "quote_mode", "all",
                "escape_char", "\\", "line_ending", "crlf", "charset", "windows-1252"), Map.of());

        CsvFormat format = CsvFormat.bind(settings);

        assertThat(settings.problems()).isEmpty();
        assertThat(format).isEqualTo(new CsvFormat('\t', false, CsvFormat.QuoteMode.ALL, '"', '\\', CsvFormat.LineEnding.CRLF,
                Charset.forName("windows-1252")));
        assertThat(CsvFormat.bind(new Settings(CsvFormat.SETTINGS, Map.of(), Map.of()))).isEqualTo(CsvFormat.DEFAULT);
    }

    @Test
    void reportsEveryBadCsvSettingAtOnce() {
        Settings settings = new Settings(CsvFormat.SETTINGS, Map.of("delimiter", ";;", "quote_mode", "some", "quote_char", "",
                "charset", "klingon-8"), Map.of());

        assertThat(CsvFormat.bind(settings)).isNull();
        assertThat(settings.problems()).extracting(ConfigProblem::field)
                .containsExactlyInAnyOrder("delimiter", "quote_mode", "quote_char", "charset");
    }

    @Test
    void aDelimiterEqualToTheQuoteIsRefused() {
        Settings settings = new Settings(CsvFormat.SETTINGS, Map.of("delimiter", "\""), Map.of());

        assertThat(CsvFormat.bind(settings)).isNull();
        assertThat(settings.problems()).extracting(ConfigProblem::message).containsExactly("must differ from quote_char and escape_char");
    }

    private static String[] row(String... values) {
        return values;
    }

    private static String reference(CsvEncoding encoding, String[] row) {
        return new String(ReferenceCsvEncoder.encode(encoding, List.<String[]>of(row)), StandardCharsets.UTF_8);
    }

    static String encode(CsvFormat format, String[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvEncoder encoder = format.encoder(out);
        for (String[] row : rows) {
            encoder.writeRow(row);
        }
        encoder.flush();
        return out.toString(format.charset());
    }
}

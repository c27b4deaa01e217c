package dev.cohort.connector.files;

import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import dev.cohort.spi.destination.CsvEncoding;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How rows are written as text: the delimited-file options partners ask for, declared once as
 * settings. Immutable; {@link #DEFAULT} is RFC 4180 with LF line ends (DuckDB's own CSV output).
 *
 * @param delimiter  the field separator
 * @param header     whether the first line names the fields
 * @param quoteMode  when values are enclosed in {@code quoteChar}
 * @param quoteChar  the enclosing character
 * @param escapeChar what precedes a quote inside a quoted value: the quote itself (doubling, RFC 4180)
 *                   or another character such as a backslash
 * @param lineEnding the record separator
 * @param charset    the encoding of the file
 */
public record CsvFormat(char delimiter, boolean header, QuoteMode quoteMode, char quoteChar, char escapeChar, LineEnding lineEnding,
                        Charset charset) {
    public static final CsvFormat DEFAULT = new CsvFormat(',', true, QuoteMode.AS_NEEDED, '"', '"', LineEnding.LF, StandardCharsets.UTF_8);

    public static final SettingSpec DELIMITER = SettingSpec.optional("delimiter", SettingType.STRING, ",",
            "The field separator: one character, or 'tab' (\\t).");
    public static final SettingSpec HEADER = SettingSpec.optional("header", SettingType.BOOLEAN, "true",
            "Whether the first line holds the field names.");
    public static final SettingSpec QUOTE_MODE = SettingSpec.choice("quote_mode", "as_needed",
            "When values are quoted: all (every non-null value), as_needed (values holding the delimiter, a quote or a line"
                    + " break), none (never: rows with such values are rejected).", "all", "as_needed", "none");
    public static final SettingSpec QUOTE_CHAR = SettingSpec.optional("quote_char", SettingType.STRING, "\"",
            "The character values are enclosed in.");
    public static final SettingSpec ESCAPE_CHAR = SettingSpec.optional("escape_char", SettingType.STRING, "\"",
            "What precedes a quote inside a quoted value: the quote character itself (doubling, RFC 4180) or another, such as \\.");
    public static final SettingSpec LINE_ENDING = SettingSpec.choice("line_ending", "lf", "The line ending: lf or crlf.", "lf", "crlf");
    public static final SettingSpec CHARSET = SettingSpec.optional("charset", SettingType.STRING, "UTF-8",
            "The file's character encoding (UTF-8, ISO-8859-1, windows-1252, …); rows it cannot hold are rejected.");

    public static final List<SettingSpec> SETTINGS = List.of(DELIMITER, HEADER, QUOTE_MODE, QUOTE_CHAR, ESCAPE_CHAR, LINE_ENDING, CHARSET);

    public CsvFormat {
        Objects.requireNonNull(quoteMode, "quoteMode");
        Objects.requireNonNull(lineEnding, "lineEnding");
        Objects.requireNonNull(charset, "charset");
        if (isLineBreak(delimiter) || isLineBreak(quoteChar) || isLineBreak(escapeChar)) {
            throw new IllegalArgumentException("delimiter, quote and escape characters cannot be line breaks");
        }
        if (delimiter == quoteChar || delimiter == escapeChar) {
            throw new IllegalArgumentException("the delimiter must differ from the quote and escape characters");
        }
    }

    /** When values are enclosed in quotes. */
    public enum QuoteMode {
        /** Every non-null value; SQL NULL stays an empty field. */
        ALL,
        /** Only values that hold the delimiter, the quote or escape character, or a line break. */
        AS_NEEDED,
        /** Never: a value that would need quotes cannot be written (its row is rejected). */
        NONE
    }

    /** The record separator. */
    public enum LineEnding {
        LF("\n"),
        CRLF("\r\n");

        private final String text;

        LineEnding(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * Reads the CSV settings ({@link #SETTINGS} must be declared), recording every problem in
     * {@code settings}.
     *
     * @return the format, or null when a problem was recorded
     */
    public static CsvFormat bind(Settings settings) {
        int problemsBefore = settings.problems().size();
        Character delimiter = character(settings, DELIMITER);
        Character quote = character(settings, QUOTE_CHAR);
        Character escape = character(settings, ESCAPE_CHAR);
        QuoteMode quoteMode = settings.choice(QUOTE_MODE.name(), QuoteMode.class);
        LineEnding lineEnding = settings.choice(LINE_ENDING.name(), LineEnding.class);
        Charset charset = charset(settings);
        if (delimiter != null && (delimiter.equals(quote) || delimiter.equals(escape))) {
            settings.problem(DELIMITER.name(), "must differ from quote_char and escape_char");
        }
        if (settings.problems().size() > problemsBefore || quoteMode == null || lineEnding == null) {
            return null;
        }
        return new CsvFormat(delimiter, settings.bool(HEADER.name()), quoteMode, quote, escape, lineEnding, charset);
    }

    public CsvFormat withHeader(boolean withHeader) {
        return new CsvFormat(delimiter, withHeader, quoteMode, quoteChar, escapeChar, lineEnding, charset);
    }

    public CsvFormat withQuoteMode(QuoteMode mode) {
        return new CsvFormat(delimiter, header, mode, quoteChar, escapeChar, lineEnding, charset);
    }

    public CsvFormat withDelimiter(char separator) {
        return new CsvFormat(separator, header, quoteMode, quoteChar, escapeChar, lineEnding, charset);
    }

    public CsvFormat withLineEnding(LineEnding ending) {
        return new CsvFormat(delimiter, header, quoteMode, quoteChar, escapeChar, ending, charset);
    }

    /** An encoder writing this format to {@code out}, which it never closes. */
    public CsvEncoder encoder(OutputStream out) {
        return escapeChar == quoteChar ? new FastCsvEncoder(this, out) : new EscapingCsvEncoder(this, out);
    }

    /**
     * The {@link CsvEncoding} of this format's data lines, when it describes them byte for byte and this
     * format holds every row ({@link #rowValidator()} accepts all): quotes only as needed and doubled,
     * LF, UTF-8. Empty otherwise, because {@link CsvEncoding} cannot say it: quote_mode all writes the
     * empty string as {@code ""} to tell it from NULL; an escape character other than the quote makes a
     * value holding it quoted and is itself escaped; quote_mode none and other charsets reject rows.
     */
    public Optional<CsvEncoding> dataEncoding() {
        boolean describable = quoteMode == QuoteMode.AS_NEEDED && escapeChar == quoteChar && lineEnding == LineEnding.LF
                && charset.equals(StandardCharsets.UTF_8);
        return describable ? Optional.of(new CsvEncoding(delimiter, quoteChar, escapeChar, false)) : Optional.empty();
    }

    /**
     * The rows this format cannot hold: with {@link QuoteMode#NONE}, values holding the delimiter, the
     * quote character or a line break; with a charset other than UTF, values it cannot encode.
     */
    public RowValidator rowValidator() {
        RowValidator validator = quoteMode == QuoteMode.NONE ? new UnquotedValues(this) : RowValidator.ACCEPT_ALL;
        return charset.name().startsWith("UTF-") ? validator : validator.and(new EncodableValues(charset));
    }

    /** Whether a value must be quoted to be read back whole. */
    boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == quoteChar || c == escapeChar || isLineBreak(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static Character character(Settings settings, SettingSpec spec) {
        String text = settings.optionalString(spec.name()).orElse("");
        String value = switch (text.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t" -> "\t";
            default -> text;
        };
        if (value.length() != 1) {
            settings.problem(spec.name(), "must be exactly one character (or 'tab'), not '" + text + "'");
            return null;
        }
        if (isLineBreak(value.charAt(0))) {
            settings.problem(spec.name(), "cannot be a line break");
            return null;
        }
        return value.charAt(0);
    }

    private static Charset charset(Settings settings) {
        String name = settings.optionalString(CHARSET.name()).orElse("UTF-8");
        try {
            Charset charset = Charset.forName(name);
            if (!charset.canEncode()) {
                settings.problem(CHARSET.name(), name + " can only be read, not written");
            }
            return charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            settings.problem(CHARSET.name(), "'" + name + "' is not a character encoding this Java knows (UTF-8, ISO-8859-1, windows-1252, …)");
            return StandardCharsets.UTF_8;
        }
    }
}

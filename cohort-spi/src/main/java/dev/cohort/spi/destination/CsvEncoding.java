package dev.cohort.spi.destination;

import java.util.Objects;

/**
 * The exact CSV a file destination writes for its data rows (the header is its own business): what an
 * engine must produce, byte for byte, to hand it rows already encoded. Values are quoted when they hold
 * the delimiter, the quote character or a line break ({@code quoteAll} false), or always; a quote inside
 * a quoted value is preceded by {@code escape}; SQL NULL is an empty field, and so is the empty string unless
 * {@code emptyStringQuoted} (then it is {@code ""}, as PostgreSQL's {@code COPY … (FORMAT csv)} tells the two
 * apart); lines end with LF; the text is UTF-8.
 */
public record CsvEncoding(char delimiter, char quote, char escape, boolean quoteAll, boolean emptyStringQuoted) {
    /** PostgreSQL's {@code COPY … FROM STDIN WITH (FORMAT csv)}: RFC 4180, NULL an empty field, the empty string {@code ""}. */
    public static final CsvEncoding POSTGRES_COPY = new CsvEncoding(',', '"', '"', false, true);

    /** An encoding that writes the empty string like NULL (an empty field), as file partners expect. */
    public CsvEncoding(char delimiter, char quote, char escape, boolean quoteAll) {
        this(delimiter, quote, escape, quoteAll, false);
    }

    public CsvEncoding {
        if (delimiter == quote || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter must differ from the quote and from line breaks");
        }
    }

    public static final CsvEncoding RFC_4180 = new CsvEncoding(',', '"', '"', false);

    @Override
    public String toString() {
        return "CsvEncoding[delimiter=" + Objects.toString(delimiter) + ", quote=" + quote + ", escape=" + escape
                + ", quoteAll=" + quoteAll + ", emptyStringQuoted=" + emptyStringQuoted + "]";
    }
}

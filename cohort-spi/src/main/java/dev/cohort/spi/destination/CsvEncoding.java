package dev.cohort.spi.destination;

import java.util.Objects;

/**
 * The exact CSV a file destination writes for its data rows (the header is its own business): what an
 * engine must produce, byte for byte, to hand it rows already encoded. Values are quoted when they hold
 * the delimiter, the quote character or a line break ({@code quoteAll} false), or always; a quote inside
 * a quoted value is preceded by {@code escape}; SQL NULL and the empty string are both an empty field;
 * lines end with LF; the text is UTF-8.
 */
public record CsvEncoding(char delimiter, char quote, char escape, boolean quoteAll) {
    public CsvEncoding {
        if (delimiter == quote || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter must differ from the quote and from line breaks");
        }
    }

    public static final CsvEncoding RFC_4180 = new CsvEncoding(',', '"', '"', false);

    @Override
    public String toString() {
        return "CsvEncoding[delimiter=" + Objects.toString(delimiter) + ", quote=" + quote + ", escape=" + escape
                + ", quoteAll=" + quoteAll + "]";
    }
}

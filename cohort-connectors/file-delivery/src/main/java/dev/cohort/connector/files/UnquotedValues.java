package dev.cohort.connector.files;

import java.util.List;
import java.util.Optional;

/**
 * Rejects rows that {@link CsvFormat.QuoteMode#NONE} cannot write: a value holding the delimiter, the
 * quote character or a line break would change the file's columns or lines.
 */
final class UnquotedValues implements RowValidator {
    private final CsvFormat format;

    UnquotedValues(CsvFormat format) {
        this.format = format;
    }

    @Override
    public Optional<String> check(String[] row, List<String> fields) {
        for (int i = 0; i < row.length; i++) {
            String value = row[i];
            if (value != null && format.needsQuotes(value)) {
                return Optional.of("field " + fieldName(fields, i) + ": contains " + describeOffending(value)
                        + ", which a file without quoting (quote_mode none) cannot hold");
            }
        }
        return Optional.empty();
    }

    /** Names what is wrong with a value without showing it. */
    private String describeOffending(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == format.delimiter()) {
                return "the delimiter " + describe(c);
            }
            if (c == format.quoteChar()) {
                return "the quote character " + describe(c);
            }
            if (c == format.escapeChar()) {
                return "the escape character " + describe(c);
            }
            if (CsvFormat.isLineBreak(c)) {
                return "a line break";
            }
        }
        return "a character that needs quoting";
    }

    static String describe(char c) {
        return switch (c) {
            case ',' -> "(a comma)";
            case '\t' -> "(a tab)";
            case ';' -> "(a semicolon)";
            case '|' -> "(a pipe)";
            case '"' -> "(a double quote)";
            case '\'' -> "(a single quote)";
            case '\\' -> "(a backslash)";
            default -> "'" + c + "'";
        };
    }

    static String fieldName(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : "#" + (index + 1);
    }
}

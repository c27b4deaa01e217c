package dev.cohort.model;

/**
 * How a CSV file to load is written.
 *
 * @param delimiter  field separator
 * @param header     whether the first line names the columns
 * @param quote      quote character
 * @param escape     escape character inside quoted fields (usually the quote itself)
 * @param nullString the text that means SQL NULL (empty by default)
 */
public record CsvOptions(char delimiter, boolean header, char quote, char escape, String nullString) {
    public static final CsvOptions DEFAULT = new CsvOptions(',', true, '"', '"', "");

    public CsvOptions {
        if (nullString == null) {
            nullString = "";
        }
    }
}

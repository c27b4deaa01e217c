package dev.cohort.engine;

/**
 * A row a load could not read. Holds no value from the row (it may be PII): only where it is and why.
 *
 * @param line   1-based line number in the file (0 when the format has no lines)
 * @param column the column at fault, or null when the row as a whole is malformed
 * @param reason what is wrong, e.g. "expected BIGINT, could not convert" or "too many columns (12, expected 10)"
 */
public record BadRow(long line, String column, String reason) {
    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
    }
}

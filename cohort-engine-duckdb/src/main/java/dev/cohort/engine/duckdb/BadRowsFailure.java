package dev.cohort.engine.duckdb;

import dev.cohort.engine.BadRow;
import dev.cohort.engine.EngineException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The {@link EngineException#BAD_ROWS} failures of a load, with messages that hold no value from the file. */
final class BadRowsFailure {
    /** Bad rows named in the message; the exception carries up to {@link RejectedRows#SAMPLE_SIZE}. */
    static final int ROWS_IN_MESSAGE = 5;
    static final String HOW_TO_FIX = "Fix the rows, or load with --skip-bad-rows to skip and count them.";

    /** What a column name looks like; anything else in a header may be data and is not repeated. */
    private static final Pattern NAME_LIKE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ .$#-]{0,63}");

    private BadRowsFailure() {}

    static EngineException of(Path file, String table, RejectedRows rows) {
        List<BadRow> shown = rows.sample().stream().limit(ROWS_IN_MESSAGE).toList();
        String list = shown.stream().map(BadRow::toString).collect(Collectors.joining("; "));
        long more = rows.count() - shown.size();
        String message = file + " has " + rows.count() + (rows.count() == 1 ? " bad row" : " bad rows")
                + ", so nothing was loaded into table " + table + ": " + list
                + (more > 0 ? "; and " + more + " more" : "") + ". " + HOW_TO_FIX;
        return new EngineException(EngineException.BAD_ROWS, message, rows.sample(), null);
    }

    static EngineException headerMismatch(Path file, String table, List<String> expected, List<String> found) {
        String problem = expected.size() == found.size()
                ? "its header (line 1) does not name the declared columns"
                : "its header (line 1) has " + found.size() + " columns, but table " + table + " declares " + expected.size();
        String message = file + ": " + problem + ", so nothing was loaded into table " + table + ". Expected: "
                + String.join(", ", expected) + ". Found: " + found.stream().map(BadRowsFailure::shown)
                .collect(Collectors.joining(", "))
                + ". Fix the header or the table's declared columns; if the file has no header line, set header to false.";
        BadRow header = new BadRow(1, null, "header does not match the declared columns");
        return new EngineException(EngineException.BAD_ROWS, message, List.of(header), null);
    }

    private static String shown(String name) {
        if (name.isEmpty()) {
            return "(empty)";
        }
        return NAME_LIKE.matcher(name).matches() ? name : "(not a column name, not shown)";
    }
}

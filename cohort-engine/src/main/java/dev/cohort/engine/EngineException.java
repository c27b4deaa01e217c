package dev.cohort.engine;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.util.List;

/**
 * A failure reported by the engine. The message is the engine's own, cleaned of values from the data,
 * so it can be shown with the name of the query or table it concerns.
 */
public class EngineException extends CohortException {
    private static final long serialVersionUID = 1L;

    public static final ErrorCode SQL_ERROR = ErrorCode.user("SQL_ERROR");
    public static final ErrorCode TABLE_NOT_FOUND = ErrorCode.user("TABLE_NOT_FOUND");
    public static final ErrorCode BAD_ROWS = ErrorCode.user("BAD_ROWS");
    public static final ErrorCode FILE_NOT_READABLE = ErrorCode.user("FILE_NOT_READABLE");
    public static final ErrorCode ENGINE_FAILURE = ErrorCode.internal("ENGINE_FAILURE");

    private final transient List<BadRow> badRows;

    public EngineException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public EngineException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public EngineException(ErrorCode code, String message, List<BadRow> badRows, Throwable cause) {
        super(code, message, cause);
        this.badRows = List.copyOf(badRows);
    }

    /** For {@link #BAD_ROWS}: the first bad rows, by line. */
    public List<BadRow> badRows() {
        return badRows;
    }
}

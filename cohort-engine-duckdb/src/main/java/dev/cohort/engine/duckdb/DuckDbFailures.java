package dev.cohort.engine.duckdb;

import dev.cohort.engine.EngineException;
import dev.cohort.spi.ErrorCode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/** Maps DuckDB's failures to {@link EngineException}s with a stable code and a message fit to show. */
final class DuckDbFailures {
    private DuckDbFailures() {}

    /** A failure of the user's query: unknown table or column, syntax, or a value that does not convert. */
    static EngineException query(Exception failure) {
        String message = EngineMessages.fromDuckDb(failure.getMessage());
        ErrorCode code = isEngineBroken(message) ? EngineException.ENGINE_FAILURE : EngineException.SQL_ERROR;
        return new EngineException(code, message + memoryHint(message), withoutData(failure, message));
    }

    /** A failure while loading {@code file} into {@code table}; nothing was changed. */
    static EngineException load(Exception failure, Path file, String table) {
        String message = EngineMessages.fromDuckDb(failure.getMessage());
        String where = "Cannot load " + file + " into table " + table + " (nothing was changed): ";
        String type = EngineMessages.errorType(message).toLowerCase(Locale.ROOT);
        ErrorCode code = switch (type) {
            case "io error" -> EngineException.FILE_NOT_READABLE;
            case "conversion error", "invalid input error", "out of range error" -> EngineException.BAD_ROWS;
            case "catalog error", "binder error", "parser error" -> EngineException.SQL_ERROR;
            default -> isEngineBroken(message) ? EngineException.ENGINE_FAILURE : EngineException.BAD_ROWS;
        };
        return new EngineException(code, where + message + memoryHint(message), withoutData(failure, message));
    }

    /** A failure of the engine itself (catalog queries, opening the database). */
    static EngineException internal(String doing, Exception failure) {
        return new EngineException(EngineException.ENGINE_FAILURE,
                "DuckDB failed while " + doing + ": " + EngineMessages.fromDuckDb(failure.getMessage()),
                withoutData(failure, EngineMessages.fromDuckDb(failure.getMessage())));
    }

    /**
     * The failure as a cause that is safe to log: DuckDB's own message may quote data, so the cause keeps
     * the stack trace and type but carries the cleaned message.
     */
    private static Throwable withoutData(Exception failure, String cleanedMessage) {
        Exception cause = new SQLException(failure.getClass().getName() + ": " + cleanedMessage);
        cause.setStackTrace(failure.getStackTrace());
        return cause;
    }

    private static String memoryHint(String message) {
        return EngineMessages.errorType(message).equalsIgnoreCase("out of memory error")
                ? " (give DuckDB more memory with -D" + DuckDbSettings.MEMORY_LIMIT_PROPERTY + "=…, for example 8GB)"
                : "";
    }

    private static boolean isEngineBroken(String message) {
        String type = EngineMessages.errorType(message).toLowerCase(Locale.ROOT);
        return type.equals("internal error") || type.equals("fatal error") || type.equals("out of memory error");
    }
}

package dev.cohort.spi;

import java.util.Objects;

/**
 * A stable, machine-readable error code with its kind. Codes are upper snake case
 * ({@code TABLE_NOT_FOUND}); they appear in CLI output and API answers and never change meaning.
 */
public record ErrorCode(String code, ErrorKind kind) {
    public ErrorCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("error code must be UPPER_SNAKE_CASE: " + code);
        }
    }

    public static ErrorCode user(String code) {
        return new ErrorCode(code, ErrorKind.USER_ERROR);
    }

    public static ErrorCode internal(String code) {
        return new ErrorCode(code, ErrorKind.INTERNAL);
    }

    @Override
    public String toString() {
        return code;
    }
}

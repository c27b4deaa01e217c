package dev.cohort.server.api;

import java.util.List;

/**
 * An API answer that is not a success: an HTTP status and every problem found, each with a stable code, a
 * message a person can act on, and the field at fault (a JSON path such as {@code test_rows}) when there is one.
 */
public final class ApiError extends RuntimeException {
    /** One problem of a request. */
    public record Problem(String code, String message, String field) {}

    private final int status;
    private final List<Problem> problems;

    public ApiError(int status, List<Problem> problems) {
        super(problems.isEmpty() ? "error " + status : problems.getFirst().message(), null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiError(int status, String code, String message) {
        this(status, List.of(new Problem(code, message, null)));
    }

    public ApiError(int status, String code, String message, String field) {
        this(status, List.of(new Problem(code, message, field)));
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The JSON body: {@code {"errors": [{"code", "message", "field"}]}}. */
    public record Body(List<Problem> errors) {}

    public Body body() {
        return new Body(problems);
    }

    static ApiError notFound(String what) {
        return new ApiError(404, "NOT_FOUND", what);
    }
}

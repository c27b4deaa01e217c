package dev.cohort.bench;

/** A benchmark could not measure what it set out to: a step failed or its output was not what it should be. */
final class BenchmarkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchmarkException(String message) {
        super(message);
    }

    BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}

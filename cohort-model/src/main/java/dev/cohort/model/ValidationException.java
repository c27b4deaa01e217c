package dev.cohort.model;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a workspace at once; nothing was changed. */
public final class ValidationException extends CohortException {
    private static final long serialVersionUID = 1L;
    public static final ErrorCode CODE = ErrorCode.user("VALIDATION_FAILED");
    private final transient List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(CODE, describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String heading = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return heading + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

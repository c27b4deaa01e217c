package dev.cohort.spi.event;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.util.List;

/**
 * A notification or request that cannot be accepted: not JSON, or missing what every event needs. Carries every
 * problem, each with its JSON path ({@code headers.eesEventId}); the endpoint answers 400 with all of them.
 */
public class NotificationRejectedException extends CohortException {
    private static final long serialVersionUID = 1L;
    public static final ErrorCode CODE = ErrorCode.user("EVENT_INVALID");
    private final transient List<Problem> problems;

    public NotificationRejectedException(List<Problem> problems) {
        super(CODE, problems.stream().map(p -> p.path() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** @param path where, as a JSON path without the {@code $.} ({@code body.triggers[0].reference}) */
    public record Problem(String path, String message) {}
}

package dev.cohort.spi.config;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem of a plugin's settings at once. */
public final class ConfigException extends CohortException {
    private static final long serialVersionUID = 1L;
    public static final ErrorCode CODE = ErrorCode.user("INVALID_SETTINGS");
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(CODE, problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

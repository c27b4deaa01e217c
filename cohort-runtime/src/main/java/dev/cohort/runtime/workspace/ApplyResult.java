package dev.cohort.runtime.workspace;

import dev.cohort.model.Problem;
import java.util.List;

/**
 * What an apply did.
 *
 * @param applied  the changes made
 * @param problems objects that could not be made what the files ask (a query that stays draft because
 *                 its SQL fails, an orchestration refused); the rest was applied
 */
public record ApplyResult(List<PlannedChange> applied, List<Problem> problems) {
    public ApplyResult {
        applied = List.copyOf(applied);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}

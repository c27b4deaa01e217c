package dev.cohort.runtime.workspace;

import dev.cohort.model.Problem;
import java.util.List;

/**
 * What an apply did.
 *
 * @param applied  the changes made
 * @param problems objects that could not be made what the files ask (a query that stays draft because
 *                 its SQL fails, an orchestration refused); the rest was applied
 * @param queued   runs requested because a table they wait for ({@code workflow: {after_table: …}}) was built
 */
public record ApplyResult(List<PlannedChange> applied, List<Problem> problems, List<dev.cohort.model.Run> queued) {
    public ApplyResult {
        applied = List.copyOf(applied);
        problems = List.copyOf(problems);
        queued = List.copyOf(queued);
    }

    public ApplyResult(List<PlannedChange> applied, List<Problem> problems) {
        this(applied, problems, List.of());
    }

    ApplyResult withQueued(List<dev.cohort.model.Run> runs) {
        return new ApplyResult(applied, problems, runs);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}

package dev.cohort.runtime.workspace;

import dev.cohort.runtime.store.ObjectKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code cohort apply} will do, computed from the files and the current state, before anything
 * changes. Holds the resolved credential values to store (never shown: {@link #toString()} does not
 * print them).
 *
 * @param tableOrder the desired tables in build order (each after the tables it reads)
 */
public record Plan(LoadedWorkspace workspace, List<PlannedChange> changes, List<String> tableOrder,
                   Map<String, Map<String, String>> credentialValues) {
    public Plan {
        changes = List.copyOf(changes);
        tableOrder = List.copyOf(tableOrder);
        credentialValues = Map.copyOf(credentialValues);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<PlannedChange> removals() {
        return changes.stream().filter(c -> c.action() == PlannedChange.Action.DELETE).toList();
    }

    public Optional<PlannedChange> change(ObjectKind kind, String name) {
        return changes.stream().filter(c -> c.kind() == kind && c.name().equals(name)).findFirst();
    }

    public long count(PlannedChange.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** "2 to add, 1 to change, 1 to reload, 0 to remove." */
    public String summary() {
        return count(PlannedChange.Action.CREATE) + " to add, " + count(PlannedChange.Action.UPDATE) + " to change, "
                + count(PlannedChange.Action.REFRESH) + " to reload or rebuild, " + count(PlannedChange.Action.DELETE)
                + " to remove.";
    }

    @Override
    public String toString() {
        return "Plan[" + workspace.definition().name() + ": " + summary() + "]";
    }
}

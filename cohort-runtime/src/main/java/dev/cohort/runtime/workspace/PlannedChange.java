package dev.cohort.runtime.workspace;

import dev.cohort.runtime.store.ObjectKind;

/**
 * One change {@code cohort apply} will make.
 *
 * @param reason why, in a few words ("SQL changed", "data/customers.csv changed")
 */
public record PlannedChange(ObjectKind kind, String name, Action action, String reason) {
    public enum Action {
        CREATE("+"),
        UPDATE("~"),
        /** The specification is unchanged but the data is loaded or built again. */
        REFRESH("↻"),
        DELETE("-");

        private final String symbol;

        Action(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    @Override
    public String toString() {
        return action.symbol() + " " + kind.label() + " " + name + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}

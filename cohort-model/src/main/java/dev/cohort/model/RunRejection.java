package dev.cohort.model;

import java.util.Objects;

/** A rejected row as a run reports it: its number in the query's output and why — never its values. */
public record RunRejection(long rowNumber, String reason) {
    public RunRejection {
        Objects.requireNonNull(reason, "reason");
    }
}

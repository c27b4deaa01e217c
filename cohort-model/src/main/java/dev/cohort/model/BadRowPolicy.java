package dev.cohort.model;

/** What a load does with a row it cannot read. */
public enum BadRowPolicy {
    /** The load fails, naming the first bad rows by line; the table is left as it was. */
    FAIL,
    /** Bad rows are skipped and counted; their line numbers are reported. */
    SKIP
}

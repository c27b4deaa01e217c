package dev.cohort.model;

/** A query is a draft while it is edited; only an active (validated) query can be sent. */
public enum QueryStatus {
    DRAFT,
    ACTIVE
}

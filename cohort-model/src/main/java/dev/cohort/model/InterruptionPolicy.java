package dev.cohort.model;

/** What happens to a run that a crash (or kill, or restart) interrupted: it is always marked failed, and then… */
public enum InterruptionPolicy {
    /** …nothing more: a person decides whether to run it again. */
    FAIL,
    /** …a new run of the same orchestration (and the same test size) waits to start. */
    RUN_AGAIN
}

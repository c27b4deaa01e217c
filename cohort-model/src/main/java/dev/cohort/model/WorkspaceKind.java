package dev.cohort.model;

/** Objects are built and tested in a sandbox workspace, then promoted to production. */
public enum WorkspaceKind {
    SANDBOX,
    PRODUCTION
}

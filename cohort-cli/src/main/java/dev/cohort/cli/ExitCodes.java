package dev.cohort.cli;

/** The exit codes of {@code cohort}, listed in {@code cohort --help}. */
final class ExitCodes {
    static final int OK = 0;
    /** Something failed while working: an unreachable store, a bad row in a load, an engine error. */
    static final int FAILURE = 1;
    /** The command line itself is wrong: unknown option, missing argument. */
    static final int USAGE = 2;
    /** The workspace files are invalid; nothing was changed. */
    static final int INVALID = 3;
    /** Applied, but some objects could not be made what the files ask (listed). */
    static final int APPLIED_WITH_PROBLEMS = 4;

    private ExitCodes() {}
}

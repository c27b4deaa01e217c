package dev.cohort.spi.destination;

/**
 * What a destination type can do beyond taking a query's rows. An orchestration that needs an
 * undeclared capability is refused when it is saved, naming the capability.
 */
public enum Capability {
    /** Takes a database export: several tables, each delivered whole (one file or table each). */
    DATABASE_EXPORT,
    /** Delivers files, and reports each file's name, size and SHA-256. */
    FILES
}

package dev.cohort.model;

import java.util.Objects;

/** A file a run published: where, how big, its SHA-256 and how many rows. */
public record RunFile(String name, String location, long bytes, String sha256, long rows) {
    public RunFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sha256, "sha256");
    }
}

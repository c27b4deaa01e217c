package dev.cohort.sandbox.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One CSV file written by {@link SyntheticCustomers}.
 *
 * @param name  the file name, e.g. {@code customers.csv}
 * @param path  where it was written
 * @param rows  data rows, not counting the header
 * @param bytes size of the file
 */
public record GeneratedFile(String name, Path path, long rows, long bytes) {
    public GeneratedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}

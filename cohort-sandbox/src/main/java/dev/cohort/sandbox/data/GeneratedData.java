package dev.cohort.sandbox.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SyntheticCustomers#writeTo(Path)} wrote.
 *
 * @param directory the directory the files are in
 * @param files     the files in the order they were opened
 */
public record GeneratedData(Path directory, List<GeneratedFile> files) {
    public GeneratedData {
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
    }

    /** The file with this name, e.g. {@link SyntheticCustomers#CUSTOMERS_FILE}, if it was written. */
    public Optional<GeneratedFile> file(String name) {
        return files.stream().filter(file -> file.name().equals(name)).findFirst();
    }

    /** {@code customers.csv}, which is always written. */
    public GeneratedFile customers() {
        return file(SyntheticCustomers.CUSTOMERS_FILE).orElseThrow();
    }

    public long totalRows() {
        return files.stream().mapToLong(GeneratedFile::rows).sum();
    }

    public long totalBytes() {
        return files.stream().mapToLong(GeneratedFile::bytes).sum();
    }
}

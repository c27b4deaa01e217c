package dev.cohort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where benchmarks write, and cleaning up after them. */
final class BenchFiles {
    private BenchFiles() {
    }

    static Path newTemporaryDirectory() {
        try {
            return Files.createTempDirectory("cohort-bench-");
        } catch (IOException e) {
            throw new BenchmarkException("cannot create a temporary directory (" + e.getMessage() + "); give one with --dir", e);
        }
    }

    /** Deletes {@code path}, and everything under it if it is a directory. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }

    /** Deletes {@code directory} if nothing is left in it. */
    static void deleteIfEmpty(Path directory) throws IOException {
        try (Stream<Path> rest = Files.list(directory)) {
            if (rest.findAny().isEmpty()) {
                Files.delete(directory);
            }
        }
    }
}

package dev.cohort.testing.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Creating and emptying the fixtures' temporary folders. */
final class TemporaryFolders {
    private TemporaryFolders() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** Deletes everything in {@code folder}, keeping the folder itself. */
    static void empty(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(folder)).forEach(TemporaryFolders::deleteOne);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + folder, e);
        }
    }

    /** Deletes {@code folder} and everything in it; a missing folder is fine. */
    static void delete(Path folder) {
        if (Files.isDirectory(folder)) {
            empty(folder);
        }
        deleteOne(folder);
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}

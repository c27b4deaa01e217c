package dev.cohort.runtime.workspace;

import dev.cohort.model.LoadedTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Tells whether a loaded table's file changed since it was loaded, without reading it whole. */
final class SourceFiles {
    private SourceFiles() {}

    /** Path, size and modification time of the table's file; "missing" when it cannot be read. */
    static String fingerprint(Path root, LoadedTable table) {
        Path file = root.resolve(table.source().file()).normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return file + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }
}

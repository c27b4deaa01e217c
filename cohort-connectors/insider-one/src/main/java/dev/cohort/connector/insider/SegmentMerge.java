package dev.cohort.connector.insider;

import com.google.code.externalsorting.ExternalSort;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Merges a segment's current values with a run's, for {@link SegmentMode#ADD} and {@link SegmentMode#REMOVE},
 * without holding either in memory: each side is sorted on disk (distinct) with an external merge sort
 * (blocks of at most {@code sortMemoryBytes} sorted in memory, written to temporary files in the folder, then
 * merged), and one pass over the two sorted files writes the result. Memory stays bounded whatever the
 * segment's size; disk use is about three times the larger side. Not thread-safe.
 */
final class SegmentMerge {
    /** The memory one in-memory block of the sort may take (estimated from the strings' sizes). */
    static final long DEFAULT_SORT_MEMORY_BYTES = 64L * 1024 * 1024;
    /** The most temporary files one sort writes before merging; blocks grow past the memory bound only beyond this. */
    private static final int MAX_TEMPORARY_FILES = 512;
    /** Any total order works, as long as both sides and the merge use the same one. */
    private static final Comparator<String> ORDER = Comparator.naturalOrder();

    private final Path folder;
    private final long sortMemoryBytes;

    SegmentMerge(Path folder, long sortMemoryBytes) {
        this.folder = folder;
        this.sortMemoryBytes = sortMemoryBytes;
    }

    /** A sorted file without duplicates, and how many blocks the sort wrote to disk on the way. */
    record Sorted(Path file, int blocks) {}

    /** Sorts the lines of {@code input} into {@code output}, each line once, in {@link #ORDER}. */
    Sorted sortDistinct(Path input, Path output) throws IOException {
        long size = Files.size(input);
        List<File> blocks;
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            blocks = ExternalSort.sortInBatch(reader, size, ORDER, MAX_TEMPORARY_FILES, sortMemoryBytes, StandardCharsets.UTF_8,
                    folder.toFile(), true, 0, false, false);
        }
        ExternalSort.mergeSortedFiles(blocks, output.toFile(), ORDER, StandardCharsets.UTF_8, true, false, false);
        return new Sorted(output, blocks.size());
    }

    /**
     * Writes {@code existing} ∪ {@code changes} ({@link SegmentMode#ADD}) or {@code existing} ∖ {@code changes}
     * ({@link SegmentMode#REMOVE}) to {@code output}; both inputs sorted and distinct (see {@link #sortDistinct}),
     * so the result is too.
     */
    SegmentFileWriter.Written merge(Path existing, Path changes, SegmentMode mode, Path output) throws IOException {
        if (mode == SegmentMode.REPLACE) {
            throw new IllegalArgumentException("a replace needs no merge");
        }
        boolean add = mode == SegmentMode.ADD;
        try (BufferedReader current = Files.newBufferedReader(existing, StandardCharsets.UTF_8);
             BufferedReader change = Files.newBufferedReader(changes, StandardCharsets.UTF_8);
             SegmentFileWriter out = new SegmentFileWriter(output)) {
            String kept = next(current);
            String changed = next(change);
            while (kept != null || (add && changed != null)) {
                int order = kept == null ? 1 : changed == null ? -1 : ORDER.compare(kept, changed);
                if (order < 0) {
                    out.writeLine(kept);
                    kept = next(current);
                } else if (order == 0) {
                    if (add) {
                        out.writeLine(kept);
                    }
                    kept = next(current);
                    changed = next(change);
                } else {
                    if (add) {
                        out.writeLine(changed);
                    }
                    changed = next(change);
                }
            }
            return out.finish();
        }
    }

    private static String next(BufferedReader reader) throws IOException {
        String line;
        do {
            line = reader.readLine();
        } while (line != null && line.isEmpty());
        return line;
    }
}

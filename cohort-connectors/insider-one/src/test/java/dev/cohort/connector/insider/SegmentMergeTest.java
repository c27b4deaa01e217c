package dev.cohort.connector.insider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk merge of add and remove: union and difference of two sorted, distinct files. */
class SegmentMergeTest {
    @TempDir
    Path folder;

    private Path file(String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> merged(SegmentMode mode, List<String> existing, List<String> changes) throws IOException {
        SegmentMerge merge = new SegmentMerge(folder, SegmentMerge.DEFAULT_SORT_MEMORY_BYTES);
        Path current = merge.sortDistinct(file("existing.txt", existing), folder.resolve("existing-sorted.txt")).file();
        Path change = merge.sortDistinct(file("changes.txt", changes), folder.resolve("changes-sorted.txt")).file();
        SegmentFileWriter.Written written = merge.merge(current, change, mode, folder.resolve("out.csv"));
        byte[] bytes = Files.readAllBytes(written.file());
        assertThat(written.bytes()).isEqualTo(bytes.length);
        assertThat(written.sha256()).isEqualTo(sha256(bytes));
        List<String> lines = Files.readAllLines(written.file());
        assertThat(written.rows()).isEqualTo(lines.size());
        return lines;
    }

    @Test
    void addIsTheUnionEachValueOnce() throws IOException {
        assertThat(merged(SegmentMode.ADD, List.of("c@x.io", "a@x.io", "b@x.io", "a@x.io"), List.of("d@x.io", "b@x.io", "d@x.io")))
                .containsExactly("a@x.io", "b@x.io", "c@x.io", "d@x.io");
        assertThat(merged(SegmentMode.ADD, List.of(), List.of("b@x.io", "a@x.io"))).containsExactly("a@x.io", "b@x.io");
        assertThat(merged(SegmentMode.ADD, List.of("a@x.io", "", "b@x.io"), List.of())).as("blank lines are no values")
                .containsExactly("a@x.io", "b@x.io");
    }

    @Test
    void removeIsTheExistingValuesLessTheRunsOnes() throws IOException {
        assertThat(merged(SegmentMode.REMOVE, List.of("c@x.io", "a@x.io", "b@x.io"), List.of("b@x.io", "z@x.io")))
                .containsExactly("a@x.io", "c@x.io");
        assertThat(merged(SegmentMode.REMOVE, List.of(), List.of("b@x.io"))).isEmpty();
        assertThat(merged(SegmentMode.REMOVE, List.of("a@x.io"), List.of("a@x.io"))).isEmpty();
    }

    @Test
    void aLargeSegmentIsSortedInBlocksOnDiskAndMergedExactly() throws IOException {
        int existing = 200_000;
        Path current = folder.resolve("existing.txt");
        Path changes = folder.resolve("changes.txt");
        // existing: 0..199,999 in a scrambled order; changes: every third of 100,000..299,999, so a third overlaps
        try (BufferedWriter out = Files.newBufferedWriter(current); BufferedWriter change = Files.newBufferedWriter(changes)) {
            for (int i = 0; i < existing; i++) {
                out.write(address((int) ((i * 7919L) % existing)) + "\n");
            }
            for (int i = 299_999; i >= 100_000; i -= 3) {
                change.write(address(i) + "\n");
            }
        }
        SegmentMerge merge = new SegmentMerge(folder, 512 * 1024);
        SegmentMerge.Sorted sorted = merge.sortDistinct(current, folder.resolve("existing-sorted.txt"));
        SegmentMerge.Sorted sortedChanges = merge.sortDistinct(changes, folder.resolve("changes-sorted.txt"));
        assertThat(sorted.blocks()).as("sorted in several blocks on disk, not in memory").isGreaterThan(10);

        long added = merge.merge(sorted.file(), sortedChanges.file(), SegmentMode.ADD, folder.resolve("added.csv")).rows();
        long removed = merge.merge(sorted.file(), sortedChanges.file(), SegmentMode.REMOVE, folder.resolve("removed.csv")).rows();
        long changeCount = (299_999 - 100_000) / 3 + 1;
        long overlapping = countInRange(299_999, 100_000, existing);
        assertThat(added).isEqualTo(existing + changeCount - overlapping);
        assertThat(removed).isEqualTo(existing - overlapping);
        assertThat(Files.readAllLines(folder.resolve("removed.csv"))).doesNotContain(address(199_997)).contains(address(199_998));
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(path -> path.getFileName().toString())).as("the sort's block files are gone")
                    .noneMatch(name -> name.startsWith("sortInBatch"));
        }
    }

    private static long countInRange(int from, int downTo, int below) {
        long count = 0;
        for (int i = from; i >= downTo; i -= 3) {
            if (i < below) {
                count++;
            }
        }
        return count;
    }

    private static String address(int i) {
        return "member" + i + "@example.com";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

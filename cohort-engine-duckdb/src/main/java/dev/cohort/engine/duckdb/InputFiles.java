package dev.cohort.engine.duckdb;

import dev.cohort.engine.EngineException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Checks on a file to load, and reading it as DuckDB does (gzip undone). */
final class InputFiles {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private InputFiles() {}

    /** Fails with {@link EngineException#FILE_NOT_READABLE}, saying why, unless {@code file} is a readable file. */
    static void requireReadable(Path file) {
        String problem;
        if (!Files.exists(file)) {
            problem = "it does not exist";
        } else if (Files.isDirectory(file)) {
            problem = "it is a directory, not a file";
        } else if (!Files.isReadable(file)) {
            problem = "Cohort may not read it (check its permissions)";
        } else {
            return;
        }
        throw new EngineException(EngineException.FILE_NOT_READABLE,
                "Cannot read " + file + ": " + problem + ". Check the path of the table's source file.");
    }

    /** Whether the file starts with gzip's magic bytes, whatever its name. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        }
    }

    /** The file's bytes, decompressed if it is gzipped. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return isGzip(file) ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}

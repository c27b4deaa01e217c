package dev.cohort.connector.insider;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a segment file as Insider One reads it — one value per line, UTF-8, LF after each, no header — and
 * counts its lines, bytes and SHA-256 on the way, so the file is never read again to describe it.
 */
final class SegmentFileWriter implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final MessageDigest sha256;
    private long rows;
    private long bytes;
    private boolean closed;

    SegmentFileWriter(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Appends {@code value} (holding no line break) and a LF. */
    void writeLine(String value) throws IOException {
        byte[] line = (value + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line);
        sha256.update(line);
        rows++;
        bytes += line.length;
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return bytes;
    }

    Path file() {
        return file;
    }

    /** Closes the file and describes it; call once, after the last line. */
    Written finish() throws IOException {
        close();
        return new Written(file, rows, bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    /** A finished segment file: its lines, size and SHA-256 (lower-case hex). */
    record Written(Path file, long rows, long bytes, String sha256) {}
}

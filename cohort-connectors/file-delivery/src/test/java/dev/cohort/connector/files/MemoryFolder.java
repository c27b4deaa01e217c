package dev.cohort.connector.files;

import dev.cohort.spi.destination.PartnerException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RemoteFolder} in memory, for tests of the delivery logic: it records what happened in order,
 * can refuse to replace files (a server without posix-rename) and can fail uploads after some bytes.
 */
final class MemoryFolder implements RemoteFolder {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private boolean atomicReplace = true;
    private long failAfterBytes = -1;
    private boolean closed;

    /** A server that cannot replace a file atomically (no posix-rename@openssh.com). */
    MemoryFolder withoutAtomicReplace() {
        atomicReplace = false;
        return this;
    }

    /** Upload streams fail once this many bytes went through them. */
    MemoryFolder failUploadsAfter(long bytes) {
        failAfterBytes = bytes;
        return this;
    }

    MemoryFolder put(String name, String content) {
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    byte[] bytes(String name) {
        return files.get(name);
    }

    String text(String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    List<String> events() {
        return events;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String location() {
        return "memory:/in";
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public OutputStream create(String name) {
        events.add("create " + name);
        files.put(name, new byte[0]);
        return new Upload(name);
    }

    @Override
    public void rename(String from, String to, boolean replace) {
        if (files.containsKey(to) && (!replace || !atomicReplace)) {
            throw new PartnerException(SftpErrors.FILE_EXISTS, "A file named " + to + " already exists");
        }
        events.add("rename " + from + " -> " + to);
        files.put(to, files.remove(from));
    }

    @Override
    public boolean delete(String name) {
        events.add("delete " + name);
        return files.remove(name) != null;
    }

    @Override
    public PartnerException failure(String action, IOException cause) {
        return new PartnerException(SftpErrors.CONNECTION_LOST, "lost while trying to " + action, cause);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** An upload stream: what it was given is visible in the folder at once, as on a real server. */
    private final class Upload extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();

        Upload(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failAfterBytes >= 0 && content.size() + len > failAfterBytes) {
                throw new IOException("connection dropped");
            }
            content.write(b, off, len);
            files.put(name, content.toByteArray());
        }

        @Override
        public void close() {
            events.add("close " + name);
        }
    }
}

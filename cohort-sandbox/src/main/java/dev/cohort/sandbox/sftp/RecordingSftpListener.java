package dev.cohort.sandbox.sftp;

import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/** Turns MINA's completed SFTP requests into {@link SftpEvent}s; failed requests are not reported. */
final class RecordingSftpListener implements SftpEventListener {
    private static final AttributeKey<AtomicLong> BYTES_WRITTEN = new AttributeKey<>();

    private final Consumer<SftpEvent> events;

    RecordingSftpListener(Consumer<SftpEvent> events) {
        this.events = events;
    }

    @Override
    public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                        byte[] data, int dataOffset, int dataLen, Throwable thrown) {
        if (thrown == null) {
            localHandle.computeAttributeIfAbsent(BYTES_WRITTEN, key -> new AtomicLong()).addAndGet(dataLen);
        }
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
        if (localHandle instanceof FileHandle file && SftpHandles.opensForWriting(file)) {
            AtomicLong bytes = file.getAttribute(BYTES_WRITTEN);
            report(session, SftpEvent.Kind.FILE_WRITTEN, file.getFile(), null, bytes == null ? 0 : bytes.get());
        }
    }

    @Override
    public void moved(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts, Throwable thrown) {
        if (thrown == null) {
            report(session, SftpEvent.Kind.RENAMED, srcPath, SftpHandles.virtualPath(dstPath), 0);
        }
    }

    @Override
    public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown) {
        if (thrown == null) {
            report(session, SftpEvent.Kind.REMOVED, path, null, 0);
        }
    }

    @Override
    public void created(ServerSession session, Path path, Map<String, ?> attrs, Throwable thrown) {
        if (thrown == null) {
            report(session, SftpEvent.Kind.DIRECTORY_CREATED, path, null, 0);
        }
    }

    private void report(ServerSession session, SftpEvent.Kind kind, Path path, String target, long bytes) {
        events.accept(new SftpEvent(session.getUsername(), kind, SftpHandles.virtualPath(path), target, bytes));
    }
}

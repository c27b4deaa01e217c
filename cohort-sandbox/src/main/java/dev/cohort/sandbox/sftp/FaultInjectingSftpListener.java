package dev.cohort.sandbox.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * Applies {@link SftpFaults} before MINA performs a request: an exception thrown here is what the client
 * receives as the request's status, and the request is not carried out.
 */
final class FaultInjectingSftpListener implements SftpEventListener {
    private static final AttributeKey<AtomicLong> BYTES_WRITTEN = new AttributeKey<>();
    private static final AttributeKey<Boolean> DROPPED = new AttributeKey<>();

    private final SftpFaults faults;
    private final Function<String, Path> folderOfUser;

    FaultInjectingSftpListener(SftpFaults faults, Function<String, Path> folderOfUser) {
        this.faults = faults;
        this.folderOfUser = folderOfUser;
    }

    @Override
    public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
        if (localHandle instanceof FileHandle file && SftpHandles.opensForWriting(file)) {
            requireWritable(session, file.getFile());
        }
    }

    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                        byte[] data, int dataOffset, int dataLen) throws IOException {
        requireWritable(session, localHandle.getFile());
        dropConnectionIfOverLimit(session, dataLen);
        requireWithinQuota(session.getUsername(), localHandle, offset, dataLen);
    }

    @Override
    public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        requireWritable(session, path);
    }

    @Override
    public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts) throws IOException {
        requireWritable(session, srcPath);
        requireWritable(session, dstPath);
    }

    @Override
    public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
        requireWritable(session, path);
    }

    @Override
    public void linking(ServerSession session, Path source, Path target, boolean symLink) throws IOException {
        requireWritable(session, source);
    }

    @Override
    public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        requireWritable(session, path);
    }

    private void requireWritable(ServerSession session, Path path) throws AccessDeniedException {
        String virtualPath = SftpHandles.virtualPath(path);
        for (String folder : faults.readOnlyFoldersOf(session.getUsername())) {
            if (SftpHandles.isWithin(virtualPath, folder)) {
                throw new AccessDeniedException(virtualPath, null, "read-only folder " + folder + " (sandbox fault injection)");
            }
        }
    }

    private void dropConnectionIfOverLimit(ServerSession session, int dataLen) throws IOException {
        if (Boolean.TRUE.equals(session.getAttribute(DROPPED))) {
            throw new IOException("connection dropped (sandbox fault injection)");
        }
        long written = session.computeAttributeIfAbsent(BYTES_WRITTEN, key -> new AtomicLong()).addAndGet(dataLen);
        long limit = faults.dropAfterBytes();
        if (limit >= 0 && written > limit && faults.takeConnectionToDrop()) {
            session.setAttribute(DROPPED, Boolean.TRUE);
            session.close(true);
            throw new IOException("connection dropped after " + limit + " bytes written (sandbox fault injection)");
        }
    }

    private void requireWithinQuota(String user, FileHandle handle, long offset, int dataLen) throws IOException {
        OptionalLong quota = faults.quotaOf(user);
        if (quota.isEmpty()) {
            return;
        }
        long currentSize = handle.getFileChannel().size();
        long end = handle.isOpenAppend() ? currentSize + dataLen : offset + dataLen;
        long growth = Math.max(0, end - currentSize);
        if (growth > 0 && storedBytes(folderOfUser.apply(user)) + growth > quota.getAsLong()) {
            throw new SftpException(SftpConstants.SSH_FX_QUOTA_EXCEEDED,
                    "storage quota of " + quota.getAsLong() + " bytes exceeded (sandbox fault injection)");
        }
    }

    private static long storedBytes(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.mapToLong(FaultInjectingSftpListener::sizeOfFile).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static long sizeOfFile(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes.size() : 0;
        } catch (IOException e) {
            return 0; // removed while walking
        }
    }
}

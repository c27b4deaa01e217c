package dev.cohort.sandbox.sftp;

import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.apache.sshd.sftp.server.FileHandle;

/** How the sandbox reads MINA's SFTP handles and paths. */
final class SftpHandles {
    private static final Set<StandardOpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING);

    private SftpHandles() {
    }

    static boolean opensForWriting(FileHandle handle) {
        return handle.getOpenOptions().stream().anyMatch(WRITING::contains);
    }

    /** The path as the jailed user sees it, e.g. {@code /upload/a.csv}. */
    static String virtualPath(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /** Whether {@code virtualPath} is {@code folder} or lies under it. */
    static boolean isWithin(String virtualPath, String folder) {
        String normalized = folder.startsWith("/") ? folder : "/" + folder;
        normalized = normalized.length() > 1 && normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
        return normalized.equals("/") || virtualPath.equals(normalized) || virtualPath.startsWith(normalized + "/");
    }
}

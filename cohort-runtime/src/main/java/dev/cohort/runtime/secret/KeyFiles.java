package dev.cohort.runtime.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Key files: created owner-only in one step (the mode is given to {@code open(2)}, so there is no moment
 * when the file is readable by others), and read only when still owner-only. On a file system without
 * POSIX permissions (Windows) the folder's access rules apply instead.
 */
final class KeyFiles {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ALL = PosixFilePermissions.fromString("rwx------");

    private KeyFiles() {}

    static void create(Path file, String content) {
        Path target = file.toAbsolutePath();
        boolean posix = isPosix(target);
        try {
            Files.createDirectories(target.getParent(), posix ? attributes(OWNER_ALL) : new FileAttribute<?>[0]);
        } catch (IOException e) {
            throw failure("Cannot create the folder " + target.getParent() + " for the master key file", e);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(target, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    posix ? attributes(OWNER_READ_WRITE) : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException e) {
            throw new SecretException(SecretException.MASTER_KEY_FILE_EXISTS, "The master key file " + target
                    + " already exists, and Cohort never overwrites a key: the credentials encrypted under it "
                    + "would be lost. Use that file, or move it away first.");
        } catch (IOException e) {
            throw failure("Cannot create the master key file " + target, e);
        }
        try (channel) {
            channel.write(ByteBuffer.wrap((content + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(target);
            throw failure("Cannot write the master key file " + target, e);
        }
    }

    static String read(Path file) {
        Path target = file.toAbsolutePath();
        try {
            if (isPosix(target)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
                if (!OWNER_ALL.containsAll(permissions)) {
                    throw new SecretException(SecretException.MASTER_KEY_FILE_UNSAFE, "The master key file " + target
                            + " can be read or changed by other users (mode " + octal(permissions)
                            + "). Restrict it to its owner with: chmod 600 " + target);
                }
            }
            return Files.readString(target, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new SecretException(SecretException.MASTER_KEY_MISSING, "There is no master key file at " + target
                    + ". Create one, or set " + MasterKey.ENVIRONMENT_VARIABLE + " (" + MasterKey.HOW_TO_GENERATE + ").");
        } catch (IOException e) {
            throw failure("Cannot read the master key file " + target, e);
        }
    }

    /** {@code 0644} for {@code rw-r--r--}. */
    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.copyOf(permissions))};
    }

    private static SecretException failure(String what, IOException e) {
        String reason = switch (e) {
            case AccessDeniedException ignored -> "permission denied";
            case FileAlreadyExistsException exists -> exists.getFile() + " is in the way";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getClass().getSimpleName();
        };
        return new SecretException(SecretException.MASTER_KEY_FILE_ERROR, what + " (" + reason + ").", e);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The write failure is what the user needs to see.
        }
    }
}

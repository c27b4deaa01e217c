package dev.cohort.sandbox.sftp;

import java.util.Objects;

/**
 * A change a user made on the sandbox server, with paths as the user sees them ({@code /upload/a.csv}).
 *
 * @param user the SFTP user
 * @param kind what happened
 * @param path the file or folder changed; for {@link Kind#RENAMED}, the old name
 * @param target the new name for {@link Kind#RENAMED}, else {@code null}
 * @param bytes the bytes written through the handle for {@link Kind#FILE_WRITTEN}, else 0
 */
public record SftpEvent(String user, Kind kind, String path, String target, long bytes) {
    /** The kinds of change the server reports. */
    public enum Kind {
        /** A file opened for writing was closed (an upload finished, or stopped). */
        FILE_WRITTEN,
        RENAMED,
        REMOVED,
        DIRECTORY_CREATED
    }

    public SftpEvent {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /** One line for a console: {@code partner renamed /a.tmp -> /a.csv}. */
    public String describe() {
        return switch (kind) {
            case FILE_WRITTEN -> user + " wrote " + path + " (" + bytes + " bytes)";
            case RENAMED -> user + " renamed " + path + " -> " + target;
            case REMOVED -> user + " removed " + path;
            case DIRECTORY_CREATED -> user + " created folder " + path;
        };
    }
}

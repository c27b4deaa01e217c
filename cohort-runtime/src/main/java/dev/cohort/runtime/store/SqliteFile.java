package dev.cohort.runtime.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The file of a SQLite store, named by {@code jdbc:sqlite:/path/metadata.db}. */
record SqliteFile(Path path) {
    static final String PREFIX = "jdbc:sqlite:";
    private static final String WHERE_TO_FIX = "COHORT_DB_URL or --db-url";

    static SqliteFile parse(String url) {
        String location = url.substring(PREFIX.length());
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.isBlank() || location.contains(":memory:") || location.startsWith("?")) {
            throw badUrl(url, "it names no file (an in-memory store would lose everything when Cohort stops)");
        }
        if (location.contains("?")) {
            throw badUrl(url, "it has options after '?'; Cohort sets the SQLite options itself");
        }
        try {
            return new SqliteFile(Path.of(location).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw badUrl(url, "'" + location + "' is not a valid file path here");
        }
    }

    /** The URL the driver gets. */
    String jdbcUrl() {
        return PREFIX + path;
    }

    /**
     * Creates the file's folder if it is missing, and checks that the file (or, before it exists, its
     * folder) can be written, so that a bad location fails with a plain message rather than a driver error.
     */
    void prepare() {
        if (Files.isDirectory(path)) {
            throw unusable("The SQLite metadata store " + path + " is a folder, not a file. Name a file in it, "
                    + "for example " + PREFIX + path.resolve("metadata.db") + ", in " + WHERE_TO_FIX + ".");
        }
        Path folder = path.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw unusable("Cannot create the folder " + folder + " for the SQLite metadata store ("
                    + reason(folder, e) + "). Choose another location in " + WHERE_TO_FIX + ".");
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw unusable("The SQLite metadata store " + path + " is not writable by this user. Make it writable "
                    + "(chmod u+w " + path + ") or choose another location in " + WHERE_TO_FIX + ".");
        }
        if (!Files.isWritable(folder)) {
            throw unusable("The folder " + folder + " of the SQLite metadata store is not writable by this user "
                    + "(SQLite keeps its journal beside the file). Make it writable or choose another location in "
                    + WHERE_TO_FIX + ".");
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static String reason(Path folder, IOException e) {
        for (Path ancestor = folder; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !Files.isDirectory(ancestor)) {
                return ancestor + " exists and is not a folder";
            }
        }
        return switch (e) {
            case AccessDeniedException denied -> "permission denied on " + denied.getFile();
            case FileSystemException other when other.getReason() != null -> other.getReason().toLowerCase(java.util.Locale.ROOT);
            default -> e.getClass().getSimpleName();
        };
    }

    private static StoreException unusable(String message) {
        return new StoreException(StoreException.UNUSABLE, message);
    }

    private static StoreException badUrl(String url, String problem) {
        return new StoreException(StoreException.BAD_URL, "The metadata store URL " + UrlRedaction.redact(url)
                + " is not usable: " + problem + ". Write it as " + MetadataStores.SQLITE_FORM + ".");
    }
}

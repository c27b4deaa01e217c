package dev.cohort.runtime.store;

/** Opens the metadata store named by a JDBC URL. */
public final class MetadataStores {
    private MetadataStores() {}

    /**
     * Opens (and migrates) the store at {@code jdbcUrl}: {@code jdbc:sqlite:/path/metadata.db} or
     * {@code jdbc:postgresql://host:port/db?user=…}. Fails with {@link StoreException#BAD_URL} for
     * another scheme and {@link StoreException#UNREACHABLE} when the server cannot be reached, naming
     * host and port (never the password).
     */
    public static MetadataStore open(String jdbcUrl) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}

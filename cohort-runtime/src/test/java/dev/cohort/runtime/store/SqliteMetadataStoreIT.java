package dev.cohort.runtime.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteMetadataStoreIT extends MetadataStoreContract {
    @TempDir
    Path folder;

    @Override
    protected String storeUrl() {
        return "jdbc:sqlite:" + folder.resolve("not-yet-there/metadata.db");
    }

    @Override
    protected String expectedBackend() {
        return "sqlite";
    }
}

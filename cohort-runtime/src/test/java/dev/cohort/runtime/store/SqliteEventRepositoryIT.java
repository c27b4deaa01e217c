package dev.cohort.runtime.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventRepositoryIT extends EventRepositoryContract {
    @TempDir
    Path folder;

    @Override
    protected String storeUrl() {
        return "jdbc:sqlite:" + folder.resolve("metadata.db");
    }
}

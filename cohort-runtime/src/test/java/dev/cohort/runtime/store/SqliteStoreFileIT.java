package dev.cohort.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a SQLite store may live, and the messages when it may not. */
class SqliteStoreFileIT {
    @TempDir
    Path folder;

    @Test
    void createsMissingFoldersAndUsesWalJournal() throws IOException {
        Path file = folder.resolve("a/b/c/metadata.db");

        try (MetadataStore store = MetadataStores.open("jdbc:sqlite:" + file)) {
            assertThat(store.workspaces()).isEmpty();
            assertThat(file.resolveSibling("metadata.db-wal")).exists();
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void aFileInTheWayOfTheFolderIsNamed() throws IOException {
        Path blocker = Files.writeString(folder.resolve("data"), "not a folder");

        assertUnusable("jdbc:sqlite:" + blocker.resolve("cohort/metadata.db"), "Cannot create the folder "
                + blocker.resolve("cohort") + " for the SQLite metadata store (" + blocker + " exists and is not a "
                + "folder). Choose another location in COHORT_DB_URL or --db-url.");
    }

    @Test
    void aFolderIsNotAStoreFile() {
        assertUnusable("jdbc:sqlite:" + folder, "The SQLite metadata store " + folder + " is a folder, not a file. "
                + "Name a file in it, for example jdbc:sqlite:" + folder.resolve("metadata.db")
                + ", in COHORT_DB_URL or --db-url.");
    }

    @Test
    void aFileOfAnotherKindIsNotTakenForAStore() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.db"), "these are my notes, not a database\n".repeat(200));

        assertUnusable("jdbc:sqlite:" + notes, "The file " + notes + " is not a SQLite database. Point "
                + "COHORT_DB_URL or --db-url at a Cohort metadata file, or at a path that does not exist yet.");
        assertThat(Files.readString(notes)).startsWith("these are my notes");
    }

    @Test
    void nestedTransactionsAreRefusedRatherThanDeadlocked() {
        try (MetadataStore store = MetadataStores.open("jdbc:sqlite:" + folder.resolve("metadata.db"))) {
            long workspace = store.createWorkspace("acme", dev.cohort.model.WorkspaceKind.SANDBOX, "key00001").id();

            assertThatThrownBy(() -> store.inTransaction(workspace, outer -> store.inTransaction(workspace, inner -> 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The metadata store does not nest transactions: inside inTransaction, use only the "
                            + "ObjectRepository it gives");
        }
    }

    private static void assertUnusable(String url, String message) {
        assertThatThrownBy(() -> MetadataStores.open(url))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(StoreException.UNUSABLE))
                .hasMessage(message);
    }
}

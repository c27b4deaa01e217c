package dev.cohort.cli;

import dev.cohort.runtime.workspace.WorkspaceHome;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say which workspace a command works on. */
final class WorkspaceOptions {
    @Option(names = {"-w", "--workspace"}, paramLabel = "<dir>", defaultValue = "${env:COHORT_WORKSPACE:-.}",
            description = "The workspace folder (default: $COHORT_WORKSPACE or the current folder).")
    Path workspace;

    @Option(names = "--db-url", paramLabel = "<jdbc-url>",
            description = "Metadata store: jdbc:postgresql://host:5432/db?user=… (default: $COHORT_DB_URL,"
                    + " else a SQLite file in the workspace's .cohort folder).")
    String dbUrl;

    /** Runs {@code work} with the store's API tokens and users (shared by every workspace of the store). */
    <T> T access(java.util.function.Function<dev.cohort.runtime.store.AccessRepository, T> work) {
        try (dev.cohort.runtime.store.MetadataStore store = dev.cohort.runtime.store.MetadataStores.open(home().metadataUrl())) {
            return work.apply(store.access());
        }
    }

    WorkspaceHome home() {
        return WorkspaceHome.of(workspace, Optional.ofNullable(dbUrl));
    }

    WorkspaceHome home(Path folder) {
        return WorkspaceHome.of(folder, Optional.ofNullable(dbUrl));
    }
}

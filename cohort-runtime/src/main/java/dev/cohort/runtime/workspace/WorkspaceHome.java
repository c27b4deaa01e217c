package dev.cohort.runtime.workspace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a workspace folder keeps its state: {@code .cohort/} beside {@code cohort.yaml} holds the
 * customer 360 database, the SQLite metadata store (unless {@code COHORT_DB_URL} names PostgreSQL)
 * and the master key file (unless {@code COHORT_MASTER_KEY} is set).
 *
 * @param root        the workspace folder
 * @param metadataUrl JDBC URL of the metadata store
 */
public record WorkspaceHome(Path root, String metadataUrl) {
    public static final String STATE_DIR = ".cohort";
    public static final String DB_URL_VARIABLE = "COHORT_DB_URL";

    /** The workspace at {@code root}; {@code dbUrl} (a flag) wins over {@code COHORT_DB_URL}, which wins over SQLite. */
    public static WorkspaceHome of(Path root, Optional<String> dbUrl) {
        Path absolute = root.toAbsolutePath().normalize();
        if (absolute.getFileName() != null && absolute.getFileName().toString().endsWith(".yaml")) {
            absolute = absolute.getParent();
        }
        String url = dbUrl.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(DB_URL_VARIABLE)).filter(s -> !s.isBlank()))
                .orElse("jdbc:sqlite:" + absolute.resolve(STATE_DIR).resolve("metadata.db"));
        return new WorkspaceHome(absolute, url);
    }

    public Path stateDir() {
        return root.resolve(STATE_DIR);
    }

    public Path databaseFile() {
        return stateDir().resolve("customer360.duckdb");
    }

    public Path masterKeyFile() {
        return stateDir().resolve("master.key");
    }
}

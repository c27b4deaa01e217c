package dev.cohort.engine;

import java.nio.file.Path;

/**
 * Opens engines of one kind. Listed in {@code META-INF/services/dev.cohort.engine.EngineProvider}, so
 * the runtime opens a workspace's database without depending on a particular engine.
 */
public interface EngineProvider {
    /** The engine's name in settings: {@code duckdb}. */
    String name();

    /** Opens (creating if needed) the database of one workspace, kept under {@code databaseFile}. */
    Engine open(Path databaseFile);
}

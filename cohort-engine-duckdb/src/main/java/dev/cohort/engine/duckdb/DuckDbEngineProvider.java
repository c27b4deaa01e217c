package dev.cohort.engine.duckdb;

import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineProvider;
import java.nio.file.Path;

/** Makes the DuckDB engine available to {@link dev.cohort.engine.Engines} under the name {@code duckdb}. */
public final class DuckDbEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public Engine open(Path databaseFile) {
        return DuckDbEngine.open(databaseFile);
    }
}

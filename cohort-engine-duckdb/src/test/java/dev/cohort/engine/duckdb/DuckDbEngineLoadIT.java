package dev.cohort.engine.duckdb;

import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineLoadContract;
import java.nio.file.Path;

/** The engine contract for loading files, on a DuckDB database file. */
class DuckDbEngineLoadIT extends EngineLoadContract {
    @Override
    protected Engine newEngine(Path directory) {
        return DuckDbEngine.open(directory.resolve("workspace").resolve("customer360.duckdb"));
    }
}

package dev.cohort.engine.duckdb;

import dev.cohort.engine.Engine;
import dev.cohort.engine.EngineContract;
import java.nio.file.Path;

/** The engine contract, on a DuckDB database file. */
class DuckDbEngineIT extends EngineContract {
    @Override
    protected Engine newEngine(Path directory) {
        return DuckDbEngine.open(directory.resolve("workspace").resolve("customer360.duckdb"));
    }

    @Override
    protected String generatedRows(long rows) {
        return "SELECT range AS n FROM range(" + rows + ")";
    }
}

package dev.cohort.engine;

import dev.cohort.spi.CohortException;
import dev.cohort.spi.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds engine providers on the class path. */
public final class Engines {
    public static final String DEFAULT = "duckdb";
    public static final ErrorCode UNKNOWN_ENGINE = ErrorCode.user("UNKNOWN_ENGINE");

    private Engines() {}

    public static Engine open(String name, Path databaseFile) {
        List<String> known = new ArrayList<>();
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader())) {
            if (provider.name().equals(name)) {
                return provider.open(databaseFile);
            }
            known.add(provider.name());
        }
        throw new CohortException(UNKNOWN_ENGINE, "no engine named '" + name + "' is installed"
                + (known.isEmpty() ? "" : " (installed: " + String.join(", ", known) + ")"));
    }
}

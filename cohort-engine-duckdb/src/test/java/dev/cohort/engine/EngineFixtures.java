package dev.cohort.engine;

import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.ColumnDefinition;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files, requests and reads shared by the engine contracts. */
final class EngineFixtures {
    static final String CUSTOMERS_CSV = """
            id,email,points
            1,ann@example.com,10
            2,bob@example.com,20
            3,cy@example.com,30
            """;
    static final List<ColumnDefinition> CUSTOMER_COLUMNS = List.of(
            new ColumnDefinition("id", "BIGINT", false),
            new ColumnDefinition("email", "VARCHAR", true),
            new ColumnDefinition("points", "INTEGER", false));

    private EngineFixtures() {}

    static Path write(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    static LoadRequest csv(String table, Path file, List<ColumnDefinition> columns) {
        return new LoadRequest(table, file, FileFormat.CSV, CsvOptions.DEFAULT, columns, BadRowPolicy.FAIL);
    }

    /** Loads the three customers of {@link #CUSTOMERS_CSV} into table {@code customers}. */
    static void loadCustomers(Engine engine, Path directory) throws IOException {
        engine.load(csv("customers", write(directory, "customers.csv", CUSTOMERS_CSV), CUSTOMER_COLUMNS));
    }

    static List<List<String>> rows(Engine engine, String sql) {
        return engine.preview(sql, 1000).rows();
    }
}

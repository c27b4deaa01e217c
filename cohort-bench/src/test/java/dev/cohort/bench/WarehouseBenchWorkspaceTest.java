package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.workspace.WorkspaceReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseBenchWorkspaceTest {
    @Test
    void exportsEveryCustomerColumnToATableNamedAfterTheQuery(@TempDir Path folder) throws Exception {
        WarehouseBenchWorkspace workspace = new WarehouseBenchWorkspace(folder);

        workspace.writeDefinition(new PostgresLogin("127.0.0.1", 5432, "cohort_bench_1a2b", "postgres", Optional.empty()));

        WorkspaceDefinition definition = WorkspaceReader.read(folder).definition();
        assertThat(definition.orchestrations()).singleElement().satisfies(orchestration -> {
            assertThat(orchestration.name()).isEqualTo(WarehouseBenchWorkspace.ORCHESTRATION);
            assertThat(orchestration.destination()).isEqualTo("bench_warehouse");
        });
        String yaml = WarehouseBenchWorkspace.yaml(new PostgresLogin("127.0.0.1", 5432, "cohort_bench_1a2b", "postgres",
                Optional.empty()));
        assertThat(yaml).contains("type: warehouse-table", "jdbc_url: \"jdbc:postgresql://127.0.0.1:5432/cohort_bench_1a2b\"",
                "mode: replace", "username: ${env:COHORT_BENCH_WAREHOUSE_USER}", "sql: SELECT customer_id, loyalty_id,")
                .doesNotContain("password", "user=");
    }

    @Test
    void readsThePasswordFromAVariableWhenThereIsOne() {
        PostgresLogin login = new PostgresLogin("db", 5432, "bench", "loader", Optional.of("s3cret"));

        assertThat(WarehouseBenchWorkspace.yaml(login)).contains("password: ${env:COHORT_BENCH_WAREHOUSE_PASSWORD}")
                .doesNotContain("s3cret");
        assertThat(WarehouseBenchWorkspace.environment(login)).isEqualTo(Map.of(
                "COHORT_BENCH_WAREHOUSE_USER", "loader", "COHORT_BENCH_WAREHOUSE_PASSWORD", "s3cret"));
    }
}

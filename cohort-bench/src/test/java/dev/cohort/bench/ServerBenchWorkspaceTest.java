package dev.cohort.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.WorkspaceDefinition;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.WorkspaceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBenchWorkspaceTest {
    @Test
    void spreadsTheOrchestrationsRoundRobinOverTheDestinations(@TempDir Path folder) throws Exception {
        ServerBenchWorkspace workspace = new ServerBenchWorkspace(folder);

        workspace.write(40, 50, 10, 2222, "SHA256:abc", "one-node");

        LoadedWorkspace files = WorkspaceReader.read(folder);
        WorkspaceDefinition definition = files.definition();
        assertThat(definition.orchestrations()).hasSize(50);
        Map<String, Long> perDestination = definition.orchestrations().stream()
                .collect(Collectors.groupingBy(OrchestrationDefinition::destination, Collectors.counting()));
        assertThat(perDestination).hasSize(10).allSatisfy((destination, orchestrations) -> assertThat(orchestrations).isEqualTo(5));
        assertThat(definition.orchestrations().getFirst().destination()).isEqualTo("partner_01");
        assertThat(definition.orchestrations().get(10).destination()).isEqualTo("partner_01");
        assertThat(Files.readAllLines(folder.resolve("data/members.csv"))).hasSize(41).first().isEqualTo("member_id,tier,points,city");
        assertThat(Files.readString(folder.resolve("cohort.yaml")))
                .contains("user: partner10", "remote_folder: /one-node", "file_name: \"{orchestration}_{run}.csv\"");
    }

    @Test
    void copiesEverythingButTheDuckDbFile(@TempDir Path root) throws Exception {
        Path a = root.resolve("a");
        Files.createDirectories(a.resolve(".cohort"));
        Files.writeString(a.resolve(".cohort/customer360.duckdb"), "engine");
        Files.writeString(a.resolve(".cohort/customer360.duckdb.wal"), "engine");
        Files.writeString(a.resolve(".cohort/master.key"), "key");
        new ServerBenchWorkspace(a).write(3, 2, 1, 2222, "SHA256:abc", "x");

        ServerBenchWorkspace b = new ServerBenchWorkspace(a).copyTo(root.resolve("b"));

        assertThat(b.root().resolve(".cohort/master.key")).hasContent("key");
        assertThat(b.root().resolve(".cohort/customer360.duckdb")).doesNotExist();
        assertThat(b.root().resolve(".cohort/customer360.duckdb.wal")).doesNotExist();
        assertThat(b.root().resolve("cohort.yaml")).hasSameTextualContentAs(a.resolve("cohort.yaml"));
    }
}

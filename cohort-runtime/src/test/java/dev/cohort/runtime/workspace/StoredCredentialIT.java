package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.Problem;
import dev.cohort.model.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials whose values were given through the API: ${stored} in files, kept by apply, never exported. */
class StoredCredentialIT {
    @TempDir
    Path root;

    @Test
    void aStoredValueSurvivesExportAndApplyWithoutEverBeingWritten() throws Exception {
        Path workspace = root.resolve("acme");
        WorkspaceScaffold.create(workspace, "acme");
        WorkspaceHome home = WorkspaceHome.of(workspace, Optional.of("jdbc:sqlite:" + root.resolve("metadata.db")));
        LoadedWorkspace files = WorkspaceReader.read(workspace);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
            service.apply(service.plan(files), ApplyListener.SILENT);
            service.editor().putCredential("api_login", "webhook", "set by the API", Map.of("secret", "a-long-secret-value-42"));
            service.export(root.resolve("exported"));
        }
        String exported = Files.readString(root.resolve("exported/cohort.yaml"));
        assertThat(exported).contains("api_login").contains("${stored}").doesNotContain("a-long-secret-value-42");

        Files.createDirectories(root.resolve("exported/.cohort"));
        Files.copy(workspace.resolve(".cohort/master.key"), root.resolve("exported/.cohort/master.key"));
        LoadedWorkspace again = WorkspaceReader.read(root.resolve("exported"));
        WorkspaceHome exportedHome = WorkspaceHome.of(root.resolve("exported"), Optional.of(home.metadataUrl()));
        try (WorkspaceService service = WorkspaceService.openForApply(exportedHome, again.definition(), Map.of())) {
            Plan plan = service.plan(again);
            assertThat(plan.change(dev.cohort.runtime.store.ObjectKind.CREDENTIAL, "api_login")).as(plan.changes().toString())
                    .isEmpty();
        }
    }

    @Test
    void aStoredReferenceWithoutAStoredValueSaysHowToGiveOne() throws Exception {
        WorkspaceScaffold.create(root, "acme");
        Path yaml = root.resolve("cohort.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "\ncredentials:\n  hook: {type: webhook, values: {secret: \"${stored}\"}}\n");
        WorkspaceHome home = WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(".cohort/metadata.db")));
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
            assertThatThrownBy(() -> service.plan(files)).isInstanceOfSatisfying(ValidationException.class, e ->
                    assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                            .contains("credentials.hook.values.secret").contains("${stored}")
                            .contains("PUT /api/v1/credentials/hook")));
        }
    }
}

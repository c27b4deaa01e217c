package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.model.OrchestrationDefinition;
import dev.cohort.model.Problem;
import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.model.ValidationException;
import dev.cohort.model.Workflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflows that start after another orchestration or a table build, and the policy for busy orchestrations. */
class WorkflowTriggersIT {
    @TempDir
    Path root;

    private WorkspaceHome home;

    @BeforeEach
    void scaffold() {
        WorkspaceScaffold.create(root, "acme");
        home = WorkspaceHome.of(root, Optional.of("jdbc:sqlite:" + root.resolve(".cohort/metadata.db")));
    }

    private void orchestrations(String yaml) throws IOException {
        Path file = root.resolve("cohort.yaml");
        String text = Files.readString(file);
        int cut = text.indexOf("\n# destinations:");
        text = text.substring(0, cut < 0 ? text.indexOf("\ndestinations:") : cut) + """

                destinations:
                  outbox: {type: test-open, settings: {folder: "%s"}}
                orchestrations:
                %s""".formatted(root.resolve("outbox"), yaml.indent(2));
        Files.writeString(file, text);
    }

    private ApplyResult apply() {
        LoadedWorkspace files = WorkspaceReader.read(root);
        try (WorkspaceService service = WorkspaceService.openForApply(home, files.definition(), Map.of())) {
            return service.apply(service.plan(files), ApplyListener.SILENT);
        }
    }

    @Test
    void workflowsAfterAnOrchestrationOrATableAndTheBusyPolicyAreReadAndKept() throws IOException {
        orchestrations("""
                first: {query: loyalty_members, destination: outbox}
                second: {query: loyalty_members, destination: outbox, workflow: {after: first}, when_running: refuse}
                on_load: {query: loyalty_members, destination: outbox, workflow: {after_table: customers}}
                """);

        ApplyResult applied = apply();

        assertThat(applied.problems()).isEmpty();
        assertThat(applied.queued()).singleElement().satisfies(run -> {
            assertThat(run.orchestration()).isEqualTo("on_load");
            assertThat(run.trigger()).isEqualTo("after table customers was built");
            assertThat(run.status()).isEqualTo(RunStatus.WAITING_TO_START);
        });
        try (WorkspaceService service = WorkspaceService.open(home, Map.of())) {
            OrchestrationDefinition second = service.definition().orchestrations().stream()
                    .filter(o -> o.name().equals("second")).findFirst().orElseThrow();
            assertThat(second.workflow()).isEqualTo(new Workflow.AfterOrchestration("first"));
            assertThat(second.whenRunning()).isEqualTo(OrchestrationDefinition.WhenRunning.REFUSE);
        }
        assertThat(apply().applied()).as("applying again changes nothing and queues nothing").isEmpty();
    }

    @Test
    void aFullRunStartsTheOrchestrationsAfterItAndATestRunDoesNot() throws IOException {
        orchestrations("""
                first: {query: loyalty_members, destination: outbox}
                second: {query: loyalty_members, destination: outbox, workflow: {after: first}}
                """);
        apply();

        try (WorkspaceService service = WorkspaceService.open(home, Map.of())) {
            service.run("first", 5L, dev.cohort.runtime.run.RunListener.SILENT);
            assertThat(service.runs("second", 10)).isEmpty();
            Run full = service.run("first", null, dev.cohort.runtime.run.RunListener.SILENT);
            assertThat(service.runs("second", 10)).singleElement().satisfies(run -> {
                assertThat(run.trigger()).isEqualTo("after run " + full.id() + " of first");
                assertThat(run.status()).isEqualTo(RunStatus.WAITING_TO_START);
            });
        }
    }

    @Test
    void afterTriggersThatNameNothingThemselvesOrACircleAreRefused() throws IOException {
        orchestrations("""
                self: {query: loyalty_members, destination: outbox, workflow: {after: self}}
                ghost: {query: loyalty_members, destination: outbox, workflow: {after: frist}}
                a: {query: loyalty_members, destination: outbox, workflow: {after: b}}
                b: {query: loyalty_members, destination: outbox, workflow: {after: a}}
                table: {query: loyalty_members, destination: outbox, workflow: {after_table: custmers}}
                both: {query: loyalty_members, destination: outbox, workflow: {after: a, after_table: customers}}
                busy: {query: loyalty_members, destination: outbox, when_running: wait}
                """);

        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ValidationException.class, e -> {
            List<String> problems = e.problems().stream().map(Problem::toString).toList();
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("orchestrations.both.workflow")
                    .contains("one of 'schedule', 'after' and 'after_table'"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("orchestrations.busy.when_running")
                    .contains("'queue'").contains("'refuse'"));
        });

        orchestrations("""
                self: {query: loyalty_members, destination: outbox, workflow: {after: self}}
                ghost: {query: loyalty_members, destination: outbox, workflow: {after: frist}}
                first: {query: loyalty_members, destination: outbox}
                a: {query: loyalty_members, destination: outbox, workflow: {after: b}}
                b: {query: loyalty_members, destination: outbox, workflow: {after: a}}
                table: {query: loyalty_members, destination: outbox, workflow: {after_table: custmers}}
                """);
        assertThatThrownBy(this::apply).isInstanceOfSatisfying(ValidationException.class, e -> {
            List<String> problems = e.problems().stream().map(Problem::toString).toList();
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("orchestrations.self.workflow.after")
                    .contains("cannot run after itself"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("orchestrations.ghost.workflow.after")
                    .contains("did you mean 'first'"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("a → b → a").contains("never stop"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("orchestrations.table.workflow.after_table")
                    .contains("did you mean 'customers'"));
        });
    }
}

package dev.cohort.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.workspace.WorkspaceService;
import dev.cohort.server.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutting a node down: running runs get the drain time; what is still going is failed and queued again per policy. */
class GracefulShutdownIT {
    private static final String ORCHESTRATIONS = """
            slow_again: {query: loyalty_members, destination: slow, on_interruption: run_again}
            slow_fail: {query: loyalty_members, destination: slow}
            quick: {query: loyalty_members, destination: outbox}
            """;

    @TempDir
    Path root;

    private ServerFixture serve(Duration drain) throws Exception {
        ServerFixture fixture = new ServerFixture(root, ORCHESTRATIONS, "slow: {type: test-open, settings: {folder: \"%s\","
                + " delay_ms: 60000}}");
        return fixture.start(ServerOptions.defaults().withWorkers(3).withPollInterval(Duration.ofMillis(100))
                .withDrainTimeout(drain));
    }

    @Test
    void runsStillGoingAtTheDeadlineAreFailedAsInterruptedAndQueuedAgainPerPolicy() throws Exception {
        ServerFixture fixture = serve(Duration.ofMillis(500));
        long again = fixture.post("/api/v1/orchestrations/slow_again/runs", Role.OPERATOR, null).json().path("id").asLong();
        long fail = fixture.post("/api/v1/orchestrations/slow_fail/runs", Role.OPERATOR, null).json().path("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(fixture.get("/api/v1/runs/" + again, Role.USER).json().path("status").asString())
                && "RUNNING".equals(fixture.get("/api/v1/runs/" + fail, Role.USER).json().path("status").asString()));

        fixture.close();

        try (WorkspaceService workspace = WorkspaceService.open(fixture.home, Map.of())) {
            Run interruptedAgain = workspace.runById(again);
            Run interruptedFail = workspace.runById(fail);
            assertThat(List.of(interruptedAgain, interruptedFail)).allSatisfy(run -> {
                assertThat(run.status()).isEqualTo(RunStatus.FAILED);
                assertThat(run.errorCode()).isEqualTo("RUN_INTERRUPTED");
                assertThat(run.errorMessage()).startsWith("the server shut down before the run finished");
            });
            assertThat(workspace.runs("slow_again", 10)).filteredOn(r -> r.trigger().equals("rerun of run " + again))
                    .singleElement().satisfies(rerun -> assertThat(rerun.status()).isEqualTo(RunStatus.WAITING_TO_START));
            assertThat(workspace.runs("slow_fail", 10)).hasSize(1);
        }
        try (var files = Files.list(fixture.outbox)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("loyalty_members.csv"))).isEmpty();
        }
    }

    @Test
    void aRunThatFinishesWithinTheDrainTimeCompletes() throws Exception {
        ServerFixture fixture = serve(Duration.ofSeconds(20));
        long quick = fixture.post("/api/v1/orchestrations/quick/runs", Role.OPERATOR, null).json().path("id").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !"WAITING_TO_START".equals(fixture.get("/api/v1/runs/" + quick, Role.USER).json().path("status").asString()));

        fixture.close();

        try (WorkspaceService workspace = WorkspaceService.open(fixture.home, Map.of())) {
            assertThat(workspace.runById(quick).status()).isEqualTo(RunStatus.COMPLETED);
        }
    }
}

package dev.cohort.cli;

import dev.cohort.model.Run;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the latest runs, of all orchestrations or of one, newest first.",
        footerHeading = "%nExamples:%n", footer = {"  cohort runs -w acme", "  cohort runs koupon_weekly -w acme --limit 50"})
final class RunsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<orchestration>", description = "Only this orchestration's runs.")
    String orchestration;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", paramLabel = "<n>", description = "How many runs (default: 20).")
    int limit;

    @Override
    public Integer call() {
        try (WorkspaceService service = WorkspaceService.open(options.home())) {
            List<Run> runs = service.runs(orchestration, limit);
            var out = spec.commandLine().getOut();
            if (runs.isEmpty()) {
                out.println("No runs yet. Start one with 'cohort run <orchestration>'.");
                out.flush();
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(List.of("run", "orchestration", "status", "requested", "duration", "read", "sent",
                    "rejected", "error"));
            Instant now = Instant.now();
            for (Run run : runs) {
                table.row(List.of(String.valueOf(run.id()), run.orchestration() + (run.isTest() ? " (test)" : ""),
                        run.status().label(), RunCommand.when(run.requestedAt()),
                        run.duration(now).map(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)).orElse(""),
                        String.format(Locale.ROOT, "%,d", run.counts().rowsRead()),
                        String.format(Locale.ROOT, "%,d", run.counts().rowsSent()),
                        String.format(Locale.ROOT, "%,d", run.counts().rowsRejected()),
                        run.errorMessage() == null ? "" : run.errorMessage()));
            }
            table.print(out);
        }
        return ExitCodes.OK;
    }
}

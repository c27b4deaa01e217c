package dev.cohort.cli;

import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an orchestration now and show its progress and summary.",
            "Without a server, the run happens in this process, so the command waits for it (--wait is implied).",
            "Ctrl-C cancels the run: nothing it was writing is published."},
        subcommands = RunCommand.Show.class,
        footerHeading = "%nExamples:%n",
        footer = {"  cohort run koupon_weekly -w acme", "  cohort run koupon_weekly --test 100 -w acme",
            "  cohort run show 42 -w acme"})
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "<orchestration>", arity = "0..1", description = "The orchestration to run.")
    String orchestration;

    @Option(names = "--test", paramLabel = "<rows>", description = "A test run: send only the first <rows> rows.")
    Long testRows;

    @Option(names = "--wait", description = "Wait for the run to end (always, until 'cohort server' exists).")
    boolean await;

    @Override
    public Integer call() throws InterruptedException {
        if (orchestration == null) {
            throw new CohortCli.UsageException("name the orchestration to run, e.g. 'cohort run koupon_weekly'"
                    + " (or 'cohort run show <id>' to see a run)");
        }
        if (testRows != null && testRows < 1) {
            throw new CohortCli.UsageException("--test takes a number of rows of at least 1, not " + testRows);
        }
        PrintWriter out = spec.commandLine().getOut();
        RunPrinter printer = new RunPrinter(out);
        Thread running = Thread.currentThread();
        Thread cancelOnInterrupt = new Thread(() -> {
            printer.cancel.set(true);
            running.interrupt();
            try {
                printer.done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try (WorkspaceService service = WorkspaceService.open(options.home())) {
            Run run = service.run(orchestration, testRows, printer);
            return run.status() == RunStatus.COMPLETED || run.status() == RunStatus.COMPLETED_WITH_WARNINGS
                    ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it cancels the run
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one run: status, counts, timings, files with their SHA-256, rejected rows and the error.",
            footerHeading = "%nExample:%n", footer = {"  cohort run show 42 -w acme"})
    static final class Show implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Parameters(index = "0", paramLabel = "<id>", description = "The run's number ('cohort runs' lists them).")
        long id;

        @Override
        public Integer call() {
            try (WorkspaceService service = WorkspaceService.open(options.home())) {
                Run run = service.runById(id);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Run " + run.id() + " of " + run.orchestration() + (run.isTest()
                        ? " (test: first " + run.testRows() + " rows)" : "") + ", " + run.trigger());
                out.println("  status     " + run.status().label());
                out.println("  requested  " + RunPrinter.TIME.format(run.requestedAt()));
                if (run.startedAt() != null) {
                    out.println("  started    " + RunPrinter.TIME.format(run.startedAt()));
                }
                if (run.finishedAt() != null) {
                    out.println("  finished   " + RunPrinter.TIME.format(run.finishedAt()));
                }
                out.printf(Locale.ROOT, "  rows       %,d read, %,d sent, %,d rejected%n", run.counts().rowsRead(),
                        run.counts().rowsSent(), run.counts().rowsRejected());
                out.printf(Locale.ROOT, "  attempts   %d%n", run.attempts());
                run.files().forEach(file -> out.printf(Locale.ROOT, "  file       %s  %,d rows  %,d bytes  sha256 %s  (%s)%n",
                        file.name(), file.rows(), file.bytes(), file.sha256(), file.location()));
                if (!run.rejections().isEmpty()) {
                    out.println("  rejected rows" + (run.counts().rowsRejected() > run.rejections().size()
                            ? " (the first " + run.rejections().size() + ")" : "") + ":");
                    run.rejections().forEach(RunPrinter.rejection(out));
                }
                if (run.errorMessage() != null) {
                    out.println("  error      " + run.errorMessage() + " [" + run.errorCode() + "]");
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    static String when(Instant instant) {
        return instant == null ? "" : RunPrinter.TIME.format(instant);
    }
}

package dev.cohort.cli;

import dev.cohort.runtime.workspace.ApplyListener;
import dev.cohort.runtime.workspace.ApplyResult;
import dev.cohort.runtime.workspace.LoadedWorkspace;
import dev.cohort.runtime.workspace.Plan;
import dev.cohort.runtime.workspace.PlannedChange;
import dev.cohort.runtime.workspace.WorkspaceReader;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {
            "Check a workspace's files, show the plan of changes, and make it so.",
            "Loads tables, builds SQL tables, validates queries, stores templates, credentials (encrypted),",
            "notification channels, destinations and orchestrations.",
            "Applying twice changes nothing the second time. Objects removed from the files are removed."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cohort apply -f acme             apply the workspace in ./acme",
            "  cohort apply -f acme --dry-run   only show the plan",
            "  cohort apply -f acme --yes       also remove objects without asking"})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = {"-f", "--file"}, paramLabel = "<dir|cohort.yaml>", required = true,
            description = "The workspace folder, or its cohort.yaml.")
    Path file;

    @Option(names = "--dry-run", description = "Check and show the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--no-check", description = "Save destinations without testing their connection (for offline work).")
    boolean noCheck;

    @Option(names = {"-y", "--yes"}, description = "Remove objects that are no longer in the files without asking.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedWorkspace workspace = WorkspaceReader.read(file);
        try (WorkspaceService service = WorkspaceService.openForApply(options.home(workspace.root()), workspace.definition())) {
            Plan plan = service.plan(workspace);
            if (plan.isEmpty()) {
                out.println("No changes: workspace '" + workspace.definition().name() + "' matches its files.");
                out.flush();
                return ExitCodes.OK;
            }
            out.println("Plan for workspace '" + workspace.definition().name() + "':");
            plan.changes().forEach(change -> out.println("  " + change));
            out.println(plan.summary());
            out.flush();
            if (dryRun) {
                out.println("Dry run: nothing was changed.");
                out.flush();
                return ExitCodes.OK;
            }
            if (!plan.removals().isEmpty() && !yes && !confirmRemovals(plan, out, err)) {
                return ExitCodes.USAGE;
            }
            out.println();
            ApplyResult result = service.apply(plan, new ProgressPrinter(out), !noCheck);
            out.println();
            for (dev.cohort.model.Run run : result.queued()) {
                out.println("Queued run " + run.id() + " of " + run.orchestration() + " (" + run.trigger() + "):"
                        + " 'cohort server' runs it, or 'cohort run " + run.orchestration() + "' now.");
            }
            if (result.hasProblems()) {
                err.println("Applied " + result.applied().size() + " change(s), with " + result.problems().size()
                        + (result.problems().size() == 1 ? " problem:" : " problems:"));
                result.problems().forEach(problem -> err.println("  " + problem));
                err.flush();
                return ExitCodes.APPLIED_WITH_PROBLEMS;
            }
            out.println("Applied " + result.applied().size() + " change(s).");
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static boolean confirmRemovals(Plan plan, PrintWriter out, PrintWriter err) throws IOException {
        if (System.console() == null) {
            err.println("The plan removes " + plan.removals().size() + " object(s). Run again with --yes to confirm"
                    + " (no terminal to ask on).");
            err.flush();
            return false;
        }
        out.print("Remove " + plan.removals().size() + " object(s)? Type 'yes' to go on: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
            err.println("Nothing was changed.");
            err.flush();
            return false;
        }
        return true;
    }

    /** Prints each step as it finishes, with how long it took. */
    private static final class ProgressPrinter implements ApplyListener {
        private final PrintWriter out;
        private long started;

        ProgressPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void started(PlannedChange change) {
            started = System.nanoTime();
            out.print("  " + change.action().symbol() + " " + change.kind().label() + " " + change.name() + " … ");
            out.flush();
        }

        @Override
        public void finished(PlannedChange change, String outcome) {
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(outcome + String.format(Locale.ROOT, " (%.1f s)", seconds));
            out.flush();
        }
    }
}

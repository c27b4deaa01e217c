package dev.cohort.cli;

import dev.cohort.model.ValidationException;
import dev.cohort.runtime.workspace.ApplyFailedException;
import dev.cohort.spi.CohortException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cohort}: the command line of Cohort. */
@Command(name = "cohort",
        mixinStandardHelpOptions = true,
        versionProvider = CohortCli.Version.class,
        description = {
            "Cohort moves audiences and loyalty events between your customer data and the platforms that act on them.",
            "",
            "Start with:  cohort init my-workspace && cohort apply -f my-workspace",
            "             cohort query preview loyalty_members -w my-workspace"},
        subcommands = {
            InitCommand.class,
            ApplyCommand.class,
            ExportCommand.class,
            LoadCommand.class,
            TablesCommand.class,
            QueryCommand.class,
            RunCommand.class,
            RunsCommand.class,
            EventsCommand.class,
            ServerCommand.class,
            TokenCommand.class,
            UserCommand.class,
            DemoCommand.class,
            SandboxCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure while working (store unreachable, bad rows in a load, engine error)",
            "2:wrong command line (unknown option, missing argument)",
            "3:invalid workspace files; nothing was changed",
            "4:applied, but some objects have problems (listed)"},
        footer = {"", "Run 'cohort <command> --help' for a command's options and an example."})
public final class CohortCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CohortCli());
        commandLine.setExecutionExceptionHandler(CohortCli::handle);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Errors Cohort expects are shown as their message; anything else as a bug report with its stack trace. */
    private static int handle(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        switch (exception) {
            case ValidationException invalid -> {
                err.println("The workspace has " + (invalid.problems().size() == 1 ? "a problem" : invalid.problems().size()
                        + " problems") + "; nothing was changed:");
                invalid.problems().forEach(problem -> err.println("  " + problem));
                err.flush();
                return ExitCodes.INVALID;
            }
            case ApplyFailedException failed -> {
                err.println("error: " + failed.getMessage());
                err.println("Applied " + failed.applied().size() + " change(s) before this one; the "
                        + failed.failed().kind().label() + " was left as it was. Fix the problem and apply again to continue.");
                err.flush();
                return ExitCodes.FAILURE;
            }
            case CohortException expected -> {
                err.println("error: " + expected.getMessage());
                err.flush();
                return expected instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE;
            }
            default -> {
                err.println("error: Cohort failed unexpectedly. This is a bug; please report it with this trace:");
                exception.printStackTrace(err);
                err.flush();
                return ExitCodes.FAILURE;
            }
        }
    }

    /** A wrong command-line argument found after parsing (a table that does not exist, a bad limit). */
    static final class UsageException extends CohortException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(dev.cohort.spi.ErrorCode.user("USAGE"), message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CohortCli.class.getPackage().getImplementationVersion();
            return new String[] {"cohort " + (version == null ? "development build" : version)
                    + " (Java " + Runtime.version() + ")"};
        }
    }
}

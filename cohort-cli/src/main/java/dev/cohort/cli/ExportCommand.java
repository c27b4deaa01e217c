package dev.cohort.cli;

import dev.cohort.runtime.workspace.WorkspaceService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the stored workspace back as a folder (cohort.yaml and SQL files).",
            "Credentials are written as the references they were applied from; their values never are."},
        footerHeading = "%nExample:%n",
        footer = {"  cohort export -w acme -o acme-export && diff -r acme acme-export"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", required = true,
            description = "The folder to write (created if needed; an existing cohort.yaml is replaced).")
    Path output;

    @Override
    public Integer call() {
        try (WorkspaceService service = WorkspaceService.open(options.home())) {
            List<Path> files = service.export(output);
            var out = spec.commandLine().getOut();
            out.println("Exported workspace '" + service.workspaceName() + "' to " + output.toAbsolutePath().normalize() + ":");
            files.forEach(file -> out.println("  " + output.toAbsolutePath().normalize().relativize(file)));
            out.flush();
        }
        return ExitCodes.OK;
    }
}

package dev.cohort.cli;

import dev.cohort.runtime.workspace.WorkspaceScaffold;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a workspace folder: a commented cohort.yaml, example SQL, sample data and a master key.",
        footerHeading = "%nExample:%n",
        footer = {"  cohort init acme && cohort apply -f acme"})
final class InitCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The folder to create (it may exist, but not hold a workspace).")
    Path folder;

    @Option(names = "--name", paramLabel = "<name>", description = "The workspace's name (default: the folder's name).")
    String name;

    @Override
    public Integer call() {
        Path root = folder.toAbsolutePath().normalize();
        String workspaceName = name != null ? name : root.getFileName().toString();
        List<Path> files = WorkspaceScaffold.create(root, workspaceName);
        String keyNote = WorkspaceService.ensureMasterKey(options.home(root));
        var out = spec.commandLine().getOut();
        out.println("Created workspace '" + workspaceName + "' in " + root + ":");
        files.forEach(file -> out.println("  " + root.relativize(file)));
        out.println("  " + keyNote);
        out.println();
        out.println("Next: cohort apply -f " + folder + "    (loads the sample tables and activates the queries)");
        out.println("      cohort query preview loyalty_members -w " + folder);
        out.flush();
        return ExitCodes.OK;
    }
}

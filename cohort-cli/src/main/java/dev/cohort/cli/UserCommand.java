package dev.cohort.cli;

import dev.cohort.runtime.store.AccessRepository;
import dev.cohort.server.auth.Role;
import dev.cohort.server.auth.Users;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage the people who sign in with a name and a password (the web UI, or the API with HTTP Basic).",
        subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class, UserCommand.Delete.class})
final class UserCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a user. The password (at least 12 characters) is asked for twice, or read from",
                "the first line of standard input with --password-stdin; only its Argon2id hash is kept."},
            footerHeading = "%nExamples:%n",
            footer = {"  cohort user create --name ann --role administrator -w acme",
                "  printf '%s\\n' \"$ANN_PASSWORD\" | cohort user create --name ann --role operator --password-stdin -w acme"})
    static final class Create implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Option(names = "--name", required = true, paramLabel = "<name>", description = "The name they sign in with.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "<role>", description = "user, operator or administrator.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role parsed = Role.parse(role).orElseThrow(() -> new CohortCli.UsageException("--role must be one of user,"
                    + " operator, administrator, not '" + role + "'"));
            String password = passwordStdin ? firstLineOfStdin() : prompt();
            options.access(access -> new Users(access, Clock.systemUTC()).create(name, parsed, password));
            spec.commandLine().getOut().println("User '" + name + "' (" + parsed.label() + ") created.");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }

        private static String firstLineOfStdin() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new CohortCli.UsageException("--password-stdin: standard input was empty");
            }
            return line;
        }

        private static String prompt() {
            Console console = System.console();
            if (console == null) {
                throw new CohortCli.UsageException("no terminal to ask for the password: pipe it in with --password-stdin");
            }
            char[] first = console.readPassword("Password for the new user: ");
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new CohortCli.UsageException("the two passwords differ; nothing was created");
            }
            return new String(first);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() {
            List<AccessRepository.User> users = options.access(AccessRepository::users);
            var out = spec.commandLine().getOut();
            if (users.isEmpty()) {
                out.println("No users. Create one with 'cohort user create --name <name> --role <role>'.");
                out.flush();
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(List.of("name", "role", "created", "changed"));
            for (AccessRepository.User user : users) {
                table.row(List.of(user.name(), user.role().toLowerCase(Locale.ROOT), RunCommand.when(user.createdAt()),
                        RunCommand.when(user.updatedAt())));
            }
            table.print(out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a user.",
            footerHeading = "%nExamples:%n", footer = {"  cohort user delete ann -w acme"})
    static final class Delete implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Parameters(index = "0", paramLabel = "<name>", description = "The user's name.")
        String name;

        @Override
        public Integer call() {
            if (!options.access(access -> access.deleteUser(name))) {
                throw new CohortCli.UsageException("there is no user named '" + name + "' ('cohort user list' lists them)");
            }
            spec.commandLine().getOut().println("User '" + name + "' deleted.");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}

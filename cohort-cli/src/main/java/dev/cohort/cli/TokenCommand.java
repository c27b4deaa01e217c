package dev.cohort.cli;

import dev.cohort.runtime.store.AccessRepository;
import dev.cohort.server.auth.ApiTokens;
import dev.cohort.server.auth.Role;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manage API tokens: programs use them as 'Authorization: Bearer <token>'.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {
    private static final String ROLES = Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", "));

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an API token and print it once (only its hash is kept).",
                "Roles: user (read, test runs), operator (also run and manage queries, templates, orchestrations),",
                "administrator (also credentials, destinations, tokens and users)."},
            footerHeading = "%nExamples:%n", footer = {"  cohort token create --name ci --role operator -w acme"})
    static final class Create implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Option(names = "--name", required = true, paramLabel = "<name>", description = "A name to recognise it by.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "<role>", description = "user, operator or administrator.")
        String role;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role).orElseThrow(() -> new CohortCli.UsageException("--role must be one of " + ROLES
                    + ", not '" + role + "'"));
            ApiTokens.Created created = options.access(access -> new ApiTokens(access, Clock.systemUTC()).create(name, parsed));
            var out = spec.commandLine().getOut();
            out.println(created.token());
            out.flush();
            spec.commandLine().getErr().println("Token '" + name + "' (" + parsed.label() + ") created. It is shown only"
                    + " now: keep it in a secret store.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API tokens (never their values).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() {
            List<AccessRepository.ApiToken> tokens = options.access(AccessRepository::tokens);
            var out = spec.commandLine().getOut();
            if (tokens.isEmpty()) {
                out.println("No API tokens. Create one with 'cohort token create --name <name> --role <role>'.");
                out.flush();
                return ExitCodes.OK;
            }
            TextTable table = new TextTable(List.of("name", "role", "created", "last used", "status"));
            for (AccessRepository.ApiToken token : tokens) {
                table.row(List.of(token.name(), token.role().toLowerCase(java.util.Locale.ROOT),
                        RunCommand.when(token.createdAt()),
                        token.lastUsedAt() == null ? "never" : RunCommand.when(token.lastUsedAt()),
                        token.active() ? "active" : "revoked " + RunCommand.when(token.revokedAt())));
            }
            table.print(out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token: it stops working at once.",
            footerHeading = "%nExamples:%n", footer = {"  cohort token revoke ci -w acme"})
    static final class Revoke implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Parameters(index = "0", paramLabel = "<name>", description = "The token's name.")
        String name;

        @Override
        public Integer call() {
            if (!options.access(access -> access.revokeToken(name, Clock.systemUTC().instant()))) {
                throw new CohortCli.UsageException("there is no active token named '" + name + "' ('cohort token list'"
                        + " lists them)");
            }
            spec.commandLine().getOut().println("Token '" + name + "' revoked.");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}

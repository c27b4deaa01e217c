package dev.cohort.cli;

import dev.cohort.engine.Column;
import dev.cohort.engine.ResultPreview;
import dev.cohort.runtime.workspace.QuerySummary;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Work with queries: list them with their status, or preview one's rows.",
        subcommands = {QueryCommand.Preview.class, QueryCommand.ListQueries.class})
final class QueryCommand {

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = {"Print the first rows of a query, or of a query shaped by a data template.",
                "PII columns are shown: the command line is for the workspace's owner."},
            footerHeading = "%nExamples:%n",
            footer = {"  cohort query preview loyalty_members -w acme --limit 5",
                "  cohort query preview loyalty_members --template hashed_contacts -w acme"})
    static final class Preview implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Parameters(index = "0", paramLabel = "<name>", description = "The query.")
        String name;

        @Option(names = {"-n", "--limit"}, paramLabel = "<rows>", defaultValue = "10", description = "Rows to show (default: 10).")
        int limit;

        @Option(names = "--template", paramLabel = "<data-template>", description = "Shape the rows with this data template.")
        String template;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new CohortCli.UsageException("--limit must be between 1 and 10000, not " + limit);
            }
            try (WorkspaceService service = WorkspaceService.open(options.home())) {
                ResultPreview preview = template == null ? service.previewQuery(name, limit)
                        : service.previewTemplate(name, template, limit);
                var out = spec.commandLine().getOut();
                TextTable text = new TextTable(preview.columns().stream().map(Column::name).toList());
                preview.rows().forEach(text::row);
                text.print(out);
                out.printf(Locale.ROOT, "(%d row%s%s)%n", preview.rows().size(), preview.rows().size() == 1 ? "" : "s",
                        preview.truncated() ? "; more not shown, use --limit" : "");
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the queries with their status and, for a failed one, why.",
            footerHeading = "%nExample:%n", footer = {"  cohort query list -w acme"})
    static final class ListQueries implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() {
            try (WorkspaceService service = WorkspaceService.open(options.home())) {
                var out = spec.commandLine().getOut();
                TextTable text = new TextTable(List.of("query", "status", "columns", "problem"));
                for (QuerySummary query : service.queries()) {
                    text.row(List.of(query.name(), query.status().name().toLowerCase(Locale.ROOT),
                            String.valueOf(query.columns().size()), query.error() == null ? "" : query.error()));
                }
                text.print(out);
            }
            return ExitCodes.OK;
        }
    }
}

package dev.cohort.cli;

import dev.cohort.runtime.workspace.TableSummary;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "List the tables of the customer 360 database: kind, rows, columns and PII columns.",
        footerHeading = "%nExample:%n",
        footer = {"  cohort tables -w acme", "  cohort tables -w acme --columns customers"})
final class TablesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--columns", paramLabel = "<table>", description = "Show one table's columns and types instead.")
    String columnsOf;

    @Override
    public Integer call() {
        try (WorkspaceService service = WorkspaceService.open(options.home())) {
            List<TableSummary> tables = service.tables();
            var out = spec.commandLine().getOut();
            if (columnsOf != null) {
                TableSummary table = tables.stream().filter(t -> t.name().equalsIgnoreCase(columnsOf)).findFirst()
                        .orElseThrow(() -> new CohortCli.UsageException("there is no table '" + columnsOf + "'"
                                + dev.cohort.spi.Suggestions.didYouMean(columnsOf, tables.stream().map(TableSummary::name).toList())));
                TextTable text = new TextTable(List.of("column", "type", "pii"));
                table.columns().forEach(c -> text.row(List.of(c.name(), c.type(),
                        table.piiColumns().stream().anyMatch(p -> p.equalsIgnoreCase(c.name())) ? "yes" : "")));
                text.print(out);
                return ExitCodes.OK;
            }
            if (tables.isEmpty()) {
                out.println("No tables yet. Declare them in cohort.yaml and run 'cohort apply', or use 'cohort load'.");
                out.flush();
                return ExitCodes.OK;
            }
            TextTable text = new TextTable(List.of("table", "kind", "rows", "columns", "pii columns", "source"));
            for (TableSummary table : tables) {
                text.row(List.of(table.name(), table.kind(), String.format(Locale.ROOT, "%,d", table.rowCount()),
                        String.valueOf(table.columns().size()), String.join(", ", table.piiColumns()),
                        table.source() == null ? "" : table.source()));
            }
            text.print(out);
        }
        return ExitCodes.OK;
    }
}

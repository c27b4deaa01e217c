package dev.cohort.cli;

import dev.cohort.engine.LoadResult;
import dev.cohort.model.BadRowPolicy;
import dev.cohort.model.CsvOptions;
import dev.cohort.model.FileFormat;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load a file (CSV, Parquet or JSON lines) into a table, replacing it.",
            "The load is all or nothing: a failed load leaves the table as it was.",
            "A bad CSV row stops the load with its line number, unless --skip-bad-rows is given."},
        footerHeading = "%nExamples:%n",
        footer = {"  cohort load data/customers.csv --table customers -w acme",
            "  cohort load export.tsv --table segment --delimiter '\\t' --skip-bad-rows"})
final class LoadCommand implements Callable<Integer> {
    private static final int SHOWN_BAD_ROWS = 5;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "<file>", description = "The file to load.")
    Path file;

    @Option(names = {"-t", "--table"}, required = true, paramLabel = "<name>", description = "The table to load or replace.")
    String table;

    @Option(names = "--format", paramLabel = "<csv|parquet|jsonl>", description = "The file's format (default: from its name).")
    String format;

    @Option(names = "--delimiter", paramLabel = "<char>", defaultValue = ",", description = "CSV field separator (default: ,; '\\t' for tab).")
    String delimiter;

    @Option(names = "--no-header", description = "The CSV file has no header line (columns are named column0, column1, …).")
    boolean noHeader;

    @Option(names = "--skip-bad-rows", description = "Skip rows that cannot be read, and count them, instead of failing.")
    boolean skipBadRows;

    @Override
    public Integer call() {
        FileFormat fileFormat = format != null
                ? FileFormat.fromKeyword(format).orElseThrow(() -> new CohortCli.UsageException(
                        "unknown format '" + format + "': use csv, parquet or jsonl"))
                : FileFormat.fromFileName(file.toString()).orElseThrow(() -> new CohortCli.UsageException(
                        "cannot tell the format of " + file + " from its name: add --format csv (or parquet, jsonl)"));
        String separator = delimiter.equals("\\t") ? "\t" : delimiter;
        if (separator.length() != 1) {
            throw new CohortCli.UsageException("--delimiter must be one character, not '" + delimiter + "'");
        }
        CsvOptions csv = new CsvOptions(separator.charAt(0), !noHeader, '"', '"', "");
        BadRowPolicy policy = skipBadRows ? BadRowPolicy.SKIP : BadRowPolicy.FAIL;
        try (WorkspaceService service = WorkspaceService.open(options.home())) {
            LoadResult result = service.load(file.toAbsolutePath().normalize(), table, fileFormat, csv, policy);
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Loaded %,d rows into %s (%d columns).%n", result.rowsLoaded(), table,
                    result.table().columns().size());
            if (result.rowsSkipped() > 0) {
                out.printf(Locale.ROOT, "Skipped %,d bad rows:%n", result.rowsSkipped());
                result.badRowsSample().stream().limit(SHOWN_BAD_ROWS).forEach(bad -> out.println("  " + file + ": " + bad));
                if (result.rowsSkipped() > SHOWN_BAD_ROWS) {
                    out.printf(Locale.ROOT, "  … and %,d more%n", result.rowsSkipped() - SHOWN_BAD_ROWS);
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}

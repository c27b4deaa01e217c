package dev.cohort.cli;

import dev.cohort.runtime.store.EventRepository;
import dev.cohort.runtime.workspace.WorkspaceService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Event connectors: their counts, and their dead letters (events that failed for good), which you can replay.",
        subcommands = {EventsCommand.Stats.class, EventsCommand.Dlq.class},
        footerHeading = "%nExamples:%n",
        footer = {"  cohort events stats -w acme", "  cohort events dlq list braze_out -w acme",
            "  cohort events dlq replay braze_out -w acme            (every dead letter of braze_out)",
            "  cohort events dlq replay braze_out --id 41 --id 42 -w acme"})
final class EventsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Each event connector's events: received, delivered, ignored, dead letters, pending, retries, lag.",
            footerHeading = "%nExample:%n", footer = "  cohort events stats -w acme")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() {
            try (WorkspaceService service = WorkspaceService.open(options.home())) {
                var connectors = service.definition().eventConnectors();
                var out = spec.commandLine().getOut();
                if (connectors.isEmpty()) {
                    out.println("No event connectors. Declare them under 'event_connectors:' in cohort.yaml and apply.");
                    out.flush();
                    return ExitCodes.OK;
                }
                TextTable table = new TextTable(List.of("connector", "direction", "platform", "received", "delivered", "ignored",
                        "dead letters", "pending", "retries", "lag"));
                Instant now = Instant.now();
                for (var connector : connectors) {
                    EventRepository.ConnectorCounts counts = service.events().counts(connector.name(), 0);
                    String lag = counts.oldestPendingAt() == null ? "" : String.format(Locale.ROOT, "%.1f s",
                            Duration.between(counts.oldestPendingAt(), now).toMillis() / 1000.0);
                    table.row(List.of(connector.name(), connector.direction().keyword(), connector.platform(),
                            number(counts.received()), number(counts.delivered()), number(counts.ignored()),
                            number(counts.dead()), number(counts.pending()), number(counts.retried()), lag));
                }
                table.print(out);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "dlq", mixinStandardHelpOptions = true, description = "An event connector's dead letters.",
            subcommands = {DlqList.class, DlqReplay.class},
            footerHeading = "%nExamples:%n", footer = {"  cohort events dlq list braze_out -w acme",
                "  cohort events dlq replay braze_out -w acme"})
    static final class Dlq implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List dead letters, newest first, with why each failed (never their content).",
            footerHeading = "%nExample:%n", footer = "  cohort events dlq list braze_out -w acme --limit 100")
    static final class DlqList implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<connector>", description = "Only this connector's dead letters.")
        String connector;

        @Option(names = {"-n", "--limit"}, defaultValue = "20", paramLabel = "<n>", description = "How many (default: 20).")
        int limit;

        @Override
        public Integer call() {
            try (WorkspaceService service = WorkspaceService.open(options.home())) {
                List<EventRepository.StoredEvent> dead = service.events().deadLetters(connector, Math.max(1, limit), null);
                var out = spec.commandLine().getOut();
                if (dead.isEmpty()) {
                    out.println("No dead letters" + (connector == null ? "." : " for " + connector + "."));
                    out.flush();
                    return ExitCodes.OK;
                }
                TextTable table = new TextTable(List.of("event", "connector", "type", "key", "attempts", "failed", "code", "reason"));
                for (EventRepository.StoredEvent event : dead) {
                    table.row(List.of(String.valueOf(event.id()), event.connector(), event.eventType(), event.eventKey(),
                            String.valueOf(event.attempts()), event.finishedAt() == null ? "" : RunCommand.when(event.finishedAt()),
                            event.outcomeCode() == null ? "" : event.outcomeCode(), event.outcome() == null ? "" : event.outcome()));
                }
                table.print(out);
                out.println("Replay them with 'cohort events dlq replay <connector>' once the cause is fixed.");
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Queue dead letters again: every one of the connector, or those given with --id.",
            footerHeading = "%nExamples:%n", footer = {"  cohort events dlq replay braze_out -w acme",
                "  cohort events dlq replay braze_out --id 41 --id 42 -w acme"})
    static final class DlqReplay implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        WorkspaceOptions options;

        @Parameters(index = "0", paramLabel = "<connector>", description = "The event connector.")
        String connector;

        @Option(names = "--id", paramLabel = "<event>", description = "A dead letter to replay (repeat for more); all when none.")
        List<Long> ids = List.of();

        @Override
        public Integer call() {
            try (WorkspaceService service = WorkspaceService.open(options.home())) {
                if (service.definition().eventConnector(connector).isEmpty()) {
                    spec.commandLine().getErr().println("There is no event connector '" + connector + "' in workspace "
                            + service.workspaceName() + ".");
                    return ExitCodes.FAILURE;
                }
                int replayed = service.events().replay(connector, ids, Instant.now());
                spec.commandLine().getOut().println(replayed == 0 ? "No dead letters to replay." : "Queued " + replayed
                        + " dead letter" + (replayed == 1 ? "" : "s") + " again; a running 'cohort server' delivers them.");
                spec.commandLine().getOut().flush();
            }
            return ExitCodes.OK;
        }
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}

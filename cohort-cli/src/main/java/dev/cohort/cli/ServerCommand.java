package dev.cohort.cli;

import dev.cohort.server.CohortServer;
import dev.cohort.server.ServerOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Serve a workspace: the HTTP API under /api/v1, runs from the queue, schedules, notifications and event connectors.",
            "Several servers on one PostgreSQL metadata store (--db-url) share the queue; each run is executed once.",
            "Stops gracefully on Ctrl-C or SIGTERM: running runs get --drain-seconds to finish."},
        footerHeading = "%nExamples:%n",
        footer = {"  cohort server -w acme --port 8080",
            "  cohort token create --name ci --role operator -w acme",
            "  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/v1/runs",
            "  COHORT_DB_URL=jdbc:postgresql://db:5432/cohort cohort server -w acme --host 0.0.0.0 --workers 8"})
final class ServerCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<port>", description = "HTTP port (default: 8080; 0 for any free port).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
            description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--workers", defaultValue = "4", paramLabel = "<n>",
            description = "Runs this node executes at the same time (default: 4; 0 serves the API only).")
    int workers;

    @Option(names = "--per-destination", defaultValue = "2", paramLabel = "<n>",
            description = "Runs that may write to one destination at the same time, across all nodes (default: 2).")
    int perDestination;

    @Option(names = "--drain-seconds", defaultValue = "30", paramLabel = "<s>",
            description = "On shutdown, how long running runs may take to finish (default: 30).")
    int drainSeconds;

    @Option(names = "--public-url", paramLabel = "<url>",
            description = "This server's address as partners reach it, for links to files they fetch (default: http://<host>:<port>).")
    String publicUrl;

    @Option(names = "--file-link-hours", defaultValue = "12", paramLabel = "<h>",
            description = "How long a link to a file lent to a partner works (default: 12).")
    int fileLinkHours;

    @Option(names = "--event-claim-seconds", defaultValue = "120", paramLabel = "<s>",
            description = "How long events a node was delivering when it died wait before they are delivered again"
                    + " (default: 120; longer than any one delivery takes).")
    int eventClaimSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535 || workers < 0 || perDestination < 1 || drainSeconds < 0 || fileLinkHours < 1
                || eventClaimSeconds < 1) {
            throw new CohortCli.UsageException("--port must be 0-65535, --workers 0 or more, --per-destination 1 or more,"
                    + " --drain-seconds 0 or more, --file-link-hours and --event-claim-seconds 1 or more");
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new CohortCli.UsageException("--public-url must be http(s)://host[:port][/path], not '" + publicUrl + "'");
        }
        ServerOptions serverOptions = ServerOptions.defaults().withHost(host).withPort(port).withWorkers(workers)
                .withPerDestination(perDestination).withDrainTimeout(Duration.ofSeconds(drainSeconds))
                .withPublicUrl(publicUrl).withFileLinkValidity(Duration.ofHours(fileLinkHours))
                .withEventClaimTimeout(Duration.ofSeconds(eventClaimSeconds));
        CohortServer server = CohortServer.start(options.home(), serverOptions);
        var out = spec.commandLine().getOut();
        out.println("Cohort server for workspace '" + server.workspaceName() + "' at " + server.url());
        out.println("  API: " + server.url() + "/api/v1 (OpenAPI: " + server.url() + "/api/v1/openapi.json)");
        out.println("  health: " + server.url() + "/healthz, " + server.url() + "/readyz; metrics: " + server.url() + "/metrics");
        out.println("  " + workers + " worker" + (workers == 1 ? "" : "s") + ", " + perDestination
                + " run(s) per destination at a time. Ctrl-C stops it gracefully.");
        out.flush();
        server.awaitShutdownSignal(line -> {
            out.println(line);
            out.flush();
        });
        return ExitCodes.OK;
    }
}

package dev.cohort.cli;

import dev.cohort.model.Run;
import dev.cohort.model.RunStatus;
import dev.cohort.runtime.workspace.WorkspaceHome;
import dev.cohort.sandbox.data.GeneratedData;
import dev.cohort.sandbox.data.SyntheticCustomers;
import dev.cohort.spi.CohortException;
import dev.cohort.server.CohortServer;
import dev.cohort.server.ServerOptions;
import dev.cohort.spi.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show Cohort end to end on synthetic data.",
            "Builds a customer 360 of 100,000 customers (fixed seed), starts sandbox SFTP servers for Koupon Media",
            "and CrowdTwist and sandbox Insider One, Eagle Eye AIR and Braze, applies a workspace with tables, queries, data templates,",
            "destinations and orchestrations, runs the file orchestrations and shows the files as they arrived, then",
            "starts a Cohort server that sends an Insider One segment and waits for Insider's report, and plays the",
            "loyalty journey through Eagle Eye AIR and Braze stand-ins."},
        footerHeading = "%nExample:%n",
        footer = {"  cohort demo                  (writes ./demo; run again to re-apply)",
            "  cohort demo --customers 1000000 --dir /tmp/big-demo"})
final class DemoCommand implements Callable<Integer> {
    private static final long SEED = 42;
    private static final List<String> WORKSPACE_FILES = List.of(
            "cohort.yaml",
            "sql/tables/customer_360.sql",
            "sql/queries/loyalty_members.sql",
            "sql/queries/gold_members_with_mobile.sql",
            "sql/queries/birthdays_next_month.sql",
            "sql/queries/platinum_emails.sql");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "<dir>", defaultValue = "demo", description = "Where to write the demo workspace (default: ./demo).")
    Path dir;

    @Option(names = "--customers", paramLabel = "<n>", defaultValue = "100000", description = "How many customers to generate (default: 100000).")
    long customers;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = dir.toAbsolutePath().normalize();
        long started = System.nanoTime();

        step(out, "1. Customer 360 data: " + String.format(Locale.ROOT, "%,d", customers) + " synthetic customers (seed " + SEED + ")");
        Path data = root.resolve("data");
        Path marker = data.resolve(".generated");
        String expected = customers + " customers, seed " + SEED;
        if (Files.exists(marker) && Files.readString(marker).equals(expected)) {
            out.println("   already generated in " + data);
        } else {
            long t = System.nanoTime();
            GeneratedData generated = SyntheticCustomers.builder().customers(customers).seed(SEED).build().writeTo(data);
            Files.writeString(marker, expected);
            generated.files().forEach(file -> out.printf(Locale.ROOT, "   %-14s %,12d rows %,10.1f MB%n",
                    file.name(), file.rows(), file.bytes() / 1e6));
            out.printf(Locale.ROOT, "   generated in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
        out.flush();

        step(out, "2. Partners: Cohort's sandbox stands in for Koupon Media and CrowdTwist (SFTP), Insider One, Eagle Eye AIR and Braze (APIs)");
        try (DemoPartners partners = DemoPartners.start(root.resolve("sftp"), root.resolve("keys"), event -> {
            out.println("   Insider One: " + event.describe());
            out.flush();
        })) {
            out.println("   " + partners.describe());
            writeWorkspace(root, partners);
            out.flush();

            step(out, "3. cohort apply -f " + dir + " --yes");
            int applied = run("apply", "-f", root.toString(), "--yes");
            if (applied != ExitCodes.OK && applied != ExitCodes.APPLIED_WITH_PROBLEMS) {
                return applied;
            }
            step(out, "4. cohort tables -w " + dir);
            run("tables", "-w", root.toString());
            step(out, "5. cohort query list -w " + dir);
            run("query", "list", "-w", root.toString());
            step(out, "6. cohort query preview loyalty_members --template hashed_contacts -w " + dir + " --limit 5");
            run("query", "preview", "loyalty_members", "--template", "hashed_contacts", "-w", root.toString(), "--limit", "5");
            step(out, "7. cohort run koupon_loyalty -w " + dir);
            run("run", "koupon_loyalty", "-w", root.toString());
            step(out, "8. cohort run crowdtwist_gold -w " + dir);
            run("run", "crowdtwist_gold", "-w", root.toString());
            step(out, "9. The files as they arrived on the partners' SFTP servers");
            partners.printArrivals(out);
            int sent;
            try (CohortServer server = CohortServer.start(WorkspaceHome.of(root, Optional.empty()),
                    ServerOptions.defaults().withPort(0).withWorkers(1))) {
                step(out, "10. cohort server: insider_platinum sends a segment to Insider One, which fetches the file from"
                        + " the server and reports back");
                sent = insiderRun(out, server);
                step(out, "11. The loyalty journey: a late delivery puts customer C0000001 in a Braze audience; Braze asks"
                        + " Cohort for a reward, AIR issues it, and its event reaches Braze");
                int journey = DemoJourney.play(out, server, partners.air(), partners.braze(),
                        Files.readString(root.resolve("keys/connector_key")).strip());
                sent = sent != ExitCodes.OK ? sent : journey;
            }
            step(out, "12. cohort runs -w " + dir);
            run("runs", "-w", root.toString(), "--limit", "5");
            if (sent != ExitCodes.OK) {
                return sent;
            }
        }

        out.println();
        out.printf(Locale.ROOT, "Demo finished in %.1f s. The workspace is in %s: edit its cohort.yaml and run"
                + " 'cohort apply -f %s' again.%n", (System.nanoTime() - started) / 1e9, root, dir);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Starts a Cohort server on the demo workspace (Insider One needs one: it downloads the segment from a URL
     * and reports on a callback URL), requests a run of {@code insider_platinum} and follows it until Insider's
     * report ends it.
     */
    private static int insiderRun(PrintWriter out, CohortServer server) {
        {
            out.println("   server on " + server.url() + " (a real deployment sets --public-url to an address Insider One"
                    + " can reach)");
            Run run = server.requestRun("insider_platinum", "demo");
            out.println("   run " + run.id() + " of insider_platinum requested");
            out.flush();
            RunStatus shown = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!run.status().isFinal() && System.nanoTime() < deadline) {
                if (run.status() != shown) {
                    shown = run.status();
                    out.println("   run " + run.id() + ": " + shown.label()
                            + run.partnerOutcome().map(p -> " (" + p.waitingFor() + ")").orElse(""));
                    out.flush();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                run = server.run(run.id()).orElseThrow();
            }
            RunPrinter.summary(out, run, java.time.Instant.now());
            return run.status() == RunStatus.COMPLETED || run.status() == RunStatus.COMPLETED_WITH_WARNINGS
                    ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private int run(String... args) {
        CommandLine root = spec.root().commandLine();
        return root.execute(args);
    }

    private static void step(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }

    private static void writeWorkspace(Path root, DemoPartners partners) throws IOException {
        for (String name : WORKSPACE_FILES) {
            Path target = root.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + name)) {
                if (in == null) {
                    throw new CohortException(ErrorCode.internal("DEMO_RESOURCE_MISSING"), "demo file missing from the build: " + name);
                }
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("__SFTP_PORT__", String.valueOf(partners.port()))
                        .replace("__HOST_KEY__", partners.hostKeyFingerprint())
                        .replace("__INSIDER_URL__", partners.insiderUrl())
                        .replace("__AIR_URL__", partners.air().url().toString())
                        .replace("__BRAZE_URL__", partners.braze().url().toString());
                Files.writeString(target, text);
            }
        }
        Path gitignore = root.resolve(".gitignore");
        if (!Files.exists(gitignore)) {
            Files.writeString(gitignore, ".cohort/\ndata/\nsftp/\nkeys/\n");
        }
    }
}

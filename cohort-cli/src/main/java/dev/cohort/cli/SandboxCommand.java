package dev.cohort.cli;

import dev.cohort.sandbox.sftp.SandboxSftpOptions;
import dev.cohort.sandbox.sftp.SandboxSftpServer;
import dev.cohort.sandbox.sftp.SshKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run Cohort's stand-ins for partner services, to try destinations locally.",
        subcommands = {SandboxCommand.Sftp.class, SandboxCommand.Insider.class, SandboxCommand.Air.class, SandboxCommand.Braze.class})
final class SandboxCommand {

    @Command(name = "sftp", mixinStandardHelpOptions = true,
            description = {"Run an SFTP server for one partner user until Ctrl-C, as Koupon Media's or CrowdTwist's would be.",
                "Its host key is kept in the root folder, so clients see the same key on every start.",
                "Without --authorized-keys or --password, a client key is generated into the root folder."},
            footerHeading = "%nExamples:%n",
            footer = {"  cohort sandbox sftp --root /tmp/partner-sftp --port 2222",
                "  COHORT_SANDBOX_SFTP_PASSWORD=secret cohort sandbox sftp --root /tmp/p --password",
                "  then: sftp -P 2222 -i /tmp/partner-sftp/client_ed25519 partner@127.0.0.1"})
    static final class Sftp implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", defaultValue = "2222", paramLabel = "<port>", description = "Port (default: 2222; 0 for any free port).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>", description = "Address to listen on (default: 127.0.0.1).")
        String host;

        @Option(names = "--root", defaultValue = "sandbox-sftp", paramLabel = "<dir>", description = "Root folder: the user's files are in <dir>/<user> (default: ./sandbox-sftp).")
        Path root;

        @Option(names = "--user", defaultValue = "partner", paramLabel = "<name>", description = "The SFTP user (default: partner).")
        String user;

        @Option(names = "--authorized-keys", paramLabel = "<file>", description = "OpenSSH public keys allowed to log in.")
        Path authorizedKeys;

        @Option(names = "--password", description = "Also allow the password in $" + SandboxSftpOptions.PASSWORD_VARIABLE + ".")
        boolean password;

        @Option(names = "--host-key", paramLabel = "<file>", description = "Host key file (default: <root>/ssh_host_ed25519_key).")
        Path hostKey;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            String secret = password ? System.getenv(SandboxSftpOptions.PASSWORD_VARIABLE) : null;
            if (password && (secret == null || secret.isEmpty())) {
                throw new CohortCli.UsageException("--password reads the password from $" + SandboxSftpOptions.PASSWORD_VARIABLE
                        + ", which is not set");
            }
            Path keys = authorizedKeys;
            if (keys == null && secret == null) {
                keys = generateClientKey(out);
            }
            SandboxSftpOptions options = new SandboxSftpOptions(host, port, root, user, keys, secret, hostKey);
            SandboxSftpServer server = SandboxSftpServer.start(options, event -> {
                out.println("  " + event.describe());
                out.flush();
            });
            runUntilStopped(server, server.describe() + "\n", out);
            return ExitCodes.OK;
        }

        private Path generateClientKey(PrintWriter out) throws IOException {
            Files.createDirectories(root);
            Path privateKey = root.resolve("client_ed25519");
            Path publicKey = root.resolve("client_ed25519.pub");
            if (!Files.exists(privateKey)) {
                KeyPair pair = SshKeys.generateEd25519();
                SshKeys.writePrivateKey(privateKey, pair, user + "@cohort-sandbox");
                Files.writeString(publicKey, SshKeys.authorizedKeyLine(pair.getPublic(), user + "@cohort-sandbox") + "\n");
                out.println("Generated a client key for " + user + ": " + privateKey.toAbsolutePath());
            }
            return publicKey;
        }
    }

    @Command(name = "insider", mixinStandardHelpOptions = true,
            description = {"Run a stand-in for Insider One's First-Party Segment API until Ctrl-C: uploads with partner name",
                "and token, Insider's answers and rate limit, the file fetched from its URL, counts called back.",
                "The account's API token is read from $" + dev.cohort.sandbox.insider.SandboxInsiderOptions.TOKEN_VARIABLE + "."},
            footerHeading = "%nExamples:%n",
            footer = {"  COHORT_SANDBOX_INSIDER_TOKEN=secret cohort sandbox insider --port 8086 --partner acme",
                "  then point an insider-one destination's base_url at http://127.0.0.1:8086"})
    static final class Insider implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", defaultValue = "8086", paramLabel = "<port>", description = "Port (default: 8086; 0 for any free port).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>", description = "Address to listen on (default: 127.0.0.1).")
        String host;

        @Option(names = "--partner", defaultValue = "sandbox", paramLabel = "<name>", description = "The account's partner name, lower-case (default: sandbox).")
        String partner;

        @Option(names = "--rate-limit", defaultValue = "100", paramLabel = "<n>", description = "Requests per second the account may make (default: 100).")
        int rateLimit;

        @Option(names = "--callback-delay", defaultValue = "2", paramLabel = "<seconds>", description = "Time between reading a file and calling back (default: 2).")
        double callbackDelay;

        @Override
        public Integer call() throws InterruptedException {
            var token = System.getenv(dev.cohort.sandbox.insider.SandboxInsiderOptions.TOKEN_VARIABLE);
            if (token == null || token.isBlank()) {
                throw new CohortCli.UsageException("the account's API token is read from $"
                        + dev.cohort.sandbox.insider.SandboxInsiderOptions.TOKEN_VARIABLE + ", which is not set");
            }
            dev.cohort.sandbox.insider.SandboxInsiderOptions options;
            try {
                options = new dev.cohort.sandbox.insider.SandboxInsiderOptions(host, port, partner, token, rateLimit,
                        java.time.Duration.ofMillis(Math.round(callbackDelay * 1000)));
            } catch (RuntimeException e) {
                throw new CohortCli.UsageException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            var server = dev.cohort.sandbox.insider.SandboxInsiderServer.start(options, event -> {
                out.println("  " + event.describe());
                out.flush();
            });
            runUntilStopped(server, server.describe(), out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "air", mixinStandardHelpOptions = true,
            description = {"Run a stand-in for Eagle Eye AIR until Ctrl-C: signed services/trigger calls, a demo loyalty program",
                "(actions, points, tiers, wallets with identities), and event notifications posted to a connector URL.",
                "The client secret is read from $" + dev.cohort.sandbox.air.SandboxAirOptions.CLIENT_SECRET_VARIABLE
                        + " and the external key from $" + dev.cohort.sandbox.air.SandboxAirOptions.EXTERNAL_KEY_VARIABLE
                        + " (both default to public demo values)."},
            footerHeading = "%nExample:%n",
            footer = {"  cohort sandbox air --port 8087 --connector-url http://127.0.0.1:8080/out/braze/air_to_braze",
                "  then set an event connector's loyalty base_url to http://127.0.0.1:8087"})
    static final class Air implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", defaultValue = "8087", paramLabel = "<port>", description = "Port (default: 8087; 0 for any free port).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>", description = "Address to listen on (default: 127.0.0.1).")
        String host;

        @Option(names = "--connector-url", paramLabel = "<url>",
                description = "Where event notifications are posted: a Cohort server's /out/<platform>/<connector> (default: none).")
        String connectorUrl;

        @Option(names = "--client-id", paramLabel = "<id>", description = "The API client id calls must carry (default: cohort-sandbox).")
        String clientId;

        @Option(names = "--senders", defaultValue = "4", paramLabel = "<n>", description = "Notifications posted at once (default: 4).")
        int senders;

        @Override
        public Integer call() throws InterruptedException {
            dev.cohort.sandbox.air.SandboxAirOptions options;
            try {
                options = new dev.cohort.sandbox.air.SandboxAirOptions(host, port,
                        connectorUrl == null ? null : java.net.URI.create(connectorUrl),
                        System.getenv(dev.cohort.sandbox.air.SandboxAirOptions.EXTERNAL_KEY_VARIABLE), clientId,
                        System.getenv(dev.cohort.sandbox.air.SandboxAirOptions.CLIENT_SECRET_VARIABLE), null, senders);
            } catch (RuntimeException e) {
                throw new CohortCli.UsageException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            var server = dev.cohort.sandbox.air.SandboxAirServer.start(options, event -> {
                out.println("  " + event.describe());
                out.flush();
            });
            runUntilStopped(server, server.describe(), out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "braze", mixinStandardHelpOptions = true,
            description = {"Run a stand-in for Braze's /users/track until Ctrl-C: its API key, limits, rate-limit headers and",
                "429s; it keeps what it received (GET /sandbox/users/<external_id> shows a user).",
                "The API key is read from $" + dev.cohort.sandbox.braze.SandboxBrazeOptions.API_KEY_VARIABLE
                        + " (default: the public demo key)."},
            footerHeading = "%nExample:%n",
            footer = {"  cohort sandbox braze --port 8088",
                "  then set an event connector's rest_endpoint to http://127.0.0.1:8088"})
    static final class Braze implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", defaultValue = "8088", paramLabel = "<port>", description = "Port (default: 8088; 0 for any free port).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>", description = "Address to listen on (default: 127.0.0.1).")
        String host;

        @Option(names = "--rate-limit", defaultValue = "3000", paramLabel = "<n>", description = "Requests per window (default: 3000).")
        int rateLimit;

        @Option(names = "--rate-window", defaultValue = "3", paramLabel = "<seconds>", description = "The rate limit's window (default: 3).")
        double rateWindow;

        @Override
        public Integer call() throws InterruptedException {
            dev.cohort.sandbox.braze.SandboxBrazeOptions options;
            try {
                options = new dev.cohort.sandbox.braze.SandboxBrazeOptions(host, port,
                        System.getenv(dev.cohort.sandbox.braze.SandboxBrazeOptions.API_KEY_VARIABLE), rateLimit,
                        java.time.Duration.ofMillis(Math.round(rateWindow * 1000)), 0, 0);
            } catch (RuntimeException e) {
                throw new CohortCli.UsageException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            var server = dev.cohort.sandbox.braze.SandboxBrazeServer.start(options, event -> {
                out.println("  " + event.describe());
                out.flush();
            });
            runUntilStopped(server, server.describe(), out);
            return ExitCodes.OK;
        }
    }

    /** Prints what the started stand-in is, then serves until Ctrl-C (or SIGTERM) and closes it. */
    private static void runUntilStopped(AutoCloseable server, String description, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            } finally {
                stopped.countDown();
            }
        }));
        out.print(description);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
    }
}

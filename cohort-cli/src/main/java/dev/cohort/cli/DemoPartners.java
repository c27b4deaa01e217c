package dev.cohort.cli;

import dev.cohort.sandbox.air.AirDemoProgram;
import dev.cohort.sandbox.air.SandboxAirServer;
import dev.cohort.sandbox.braze.SandboxBrazeOptions;
import dev.cohort.sandbox.braze.SandboxBrazeServer;
import dev.cohort.sandbox.insider.InsiderEvent;
import dev.cohort.sandbox.insider.SandboxInsiderServer;
import dev.cohort.sandbox.sftp.SandboxSftpServer;
import dev.cohort.sandbox.sftp.SftpEvent;
import dev.cohort.sandbox.sftp.SftpUser;
import dev.cohort.sandbox.sftp.SshKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The demo's partners: one sandbox SFTP server with a user for Koupon Media ({@code /incoming}) and one
 * for CrowdTwist ({@code /segments}), both logging in with the demo's SSH key.
 */
final class DemoPartners implements AutoCloseable {
    private static final List<String[]> USERS = List.of(new String[] {"koupon", "incoming"}, new String[] {"crowdtwist", "segments"});
    static final String INSIDER_PARTNER = "cohort-demo";
    private final SandboxSftpServer server;
    private final SandboxInsiderServer insider;
    private final SandboxAirServer air;
    private final SandboxBrazeServer braze;

    private DemoPartners(SandboxSftpServer server, SandboxInsiderServer insider, SandboxAirServer air, SandboxBrazeServer braze) {
        this.server = server;
        this.insider = insider;
        this.air = air;
        this.braze = braze;
    }

    /**
     * Starts the partners. The Insider One stand-in has one account, {@value #INSIDER_PARTNER}, whose partner name
     * and API token the demo keeps in {@code keys/} for the workspace's credential; each of its events goes to
     * {@code insiderEvents} as it happens.
     */
    static DemoPartners start(Path sftpRoot, Path keys, Consumer<InsiderEvent> insiderEvents) throws IOException {
        Path privateKey = keys.resolve("demo_ed25519");
        KeyPair pair;
        if (Files.exists(privateKey)) {
            pair = SshKeys.readPrivateKey(privateKey);
        } else {
            Files.createDirectories(keys);
            pair = SshKeys.generateEd25519();
            SshKeys.writePrivateKey(privateKey, pair, "cohort-demo");
        }
        SandboxSftpServer.Builder builder = SandboxSftpServer.builder().port(0).root(sftpRoot);
        for (String[] user : USERS) {
            Files.createDirectories(sftpRoot.resolve(user[0]).resolve(user[1]));
            builder.user(SftpUser.named(user[0]).withAuthorizedKey(pair.getPublic()));
        }
        Path tokenFile = keys.resolve("insider_api_token");
        if (!Files.exists(tokenFile)) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(tokenFile, java.util.HexFormat.of().formatHex(random) + "\n");
        }
        Files.writeString(keys.resolve("insider_partner_name"), INSIDER_PARTNER + "\n");
        Path connectorKey = keys.resolve("connector_key");
        if (!Files.exists(connectorKey)) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            Files.writeString(connectorKey, java.util.HexFormat.of().formatHex(random) + "\n");
        }
        Files.writeString(keys.resolve("air_client_id"), AirDemoProgram.CLIENT_ID + "\n");
        Files.writeString(keys.resolve("air_client_secret"), AirDemoProgram.CLIENT_SECRET + "\n");
        Files.writeString(keys.resolve("braze_api_key"), SandboxBrazeOptions.DEMO_API_KEY + "\n");
        List<AutoCloseable> started = new java.util.ArrayList<>();
        try {
            SandboxSftpServer sftp = builder.start();
            started.add(sftp);
            SandboxInsiderServer insider = SandboxInsiderServer.builder().port(0)
                    .account(INSIDER_PARTNER, Files.readString(tokenFile).strip())
                    .callbackDelay(Duration.ofSeconds(2)).eventListener(insiderEvents).start();
            started.add(insider);
            SandboxAirServer air = SandboxAirServer.builder().port(0).client(AirDemoProgram.CLIENT_ID, AirDemoProgram.CLIENT_SECRET)
                    .demoProgram().start();
            started.add(air);
            SandboxBrazeServer braze = SandboxBrazeServer.builder().port(0).apiKey(SandboxBrazeOptions.DEMO_API_KEY).start();
            return new DemoPartners(sftp, insider, air, braze);
        } catch (RuntimeException e) {
            for (AutoCloseable partner : started) {
                try {
                    partner.close();
                } catch (Exception ignored) {
                    // closing what started
                }
            }
            throw e;
        }
    }

    /** The Eagle Eye AIR stand-in (the demo loyalty program). */
    SandboxAirServer air() {
        return air;
    }

    /** The Braze stand-in. */
    SandboxBrazeServer braze() {
        return braze;
    }

    /** The Insider One stand-in's base URL, for the destination's {@code base_url}. */
    String insiderUrl() {
        return insider.url().toString();
    }

    int port() {
        return server.port();
    }

    String hostKeyFingerprint() {
        return server.hostKeyFingerprint();
    }

    String describe() {
        return "sftp://127.0.0.1:" + port() + " (host key " + hostKeyFingerprint() + "), users koupon and crowdtwist, files under "
                + server.root() + "\n   Insider One stand-in on " + insiderUrl() + ", account " + INSIDER_PARTNER
                + "\n   Eagle Eye AIR stand-in on " + air.url() + " (the demo loyalty program: wallets of customers C0000001 to"
                + " C0000005)\n   Braze stand-in on " + braze.url();
    }

    /** Every published file with its size, rows and first lines, and what the server saw happen. */
    void printArrivals(PrintWriter out) throws IOException {
        for (SftpEvent event : server.events()) {
            if (event.kind() == SftpEvent.Kind.RENAMED) {
                out.println("   " + event.describe());
            }
        }
        for (String[] user : USERS) {
            Path folder = server.userFolder(user[0]).resolve(user[1]);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    long lines;
                    try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
                        lines = all.count();
                    }
                    out.printf(Locale.ROOT, "   %s/%s/%s  %,d bytes, %,d lines; it begins:%n", user[0], user[1],
                            file.getFileName(), Files.size(file), lines);
                    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        for (int i = 0; i < 3; i++) {
                            String line = reader.readLine();
                            if (line == null) {
                                break;
                            }
                            out.println("     " + (line.length() > 110 ? line.substring(0, 109) + "…" : line));
                        }
                    }
                }
            }
        }
        out.flush();
    }

    @Override
    public void close() {
        try {
            braze.close();
            air.close();
            insider.close();
        } finally {
            server.close();
        }
    }
}

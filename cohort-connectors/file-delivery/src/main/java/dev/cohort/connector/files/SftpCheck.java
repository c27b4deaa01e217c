package dev.cohort.connector.files;

import dev.cohort.spi.destination.CheckContext;
import dev.cohort.spi.destination.CheckResult;
import dev.cohort.spi.destination.CheckResult.Step;
import dev.cohort.spi.destination.PartnerException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The connection check of an SFTP destination, as a person would walk it: resolve the host, connect,
 * verify the host key, authenticate, open the remote folder, write and delete a probe file. Stops at
 * the first failed step; a failure is a failed step with a plain message, never an exception.
 */
public final class SftpCheck {
    private SftpCheck() {}

    public static CheckResult run(SftpEndpoint endpoint, CheckContext context) {
        Duration timeout = context.timeout().compareTo(endpoint.connectTimeout()) < 0 ? context.timeout() : endpoint.connectTimeout();
        List<Step> steps = new ArrayList<>();
        try (SftpHandshake handshake = new SftpHandshake(endpoint, timeout)) {
            String server = SftpFailures.server(endpoint);
            boolean ok = step(steps, "resolve " + endpoint.host(), () -> endpoint.host() + " is " + handshake.resolve().getHostAddress())
                    && step(steps, "connect to " + server, () -> {
                        handshake.connect();
                        return "connected";
                    })
                    && step(steps, "verify host key", () -> hostKeyMessage(endpoint, handshake))
                    && step(steps, "authenticate as " + endpoint.user(), () -> {
                        handshake.authenticate();
                        return "logged in with the " + endpoint.credentials().describe();
                    });
            if (ok) {
                try (SftpConnection connection = handshake.startSftp()) {
                    boolean opened = step(steps, "open folder " + endpoint.folder(), () -> {
                        connection.checkFolder();
                        return "the folder exists";
                    });
                    if (opened) {
                        step(steps, "write a test file", () -> probe(connection));
                    }
                } catch (PartnerException e) {
                    steps.add(new Step("start SFTP", false, e.getMessage()));
                }
            }
        }
        return new CheckResult(steps);
    }

    private static boolean step(List<Step> steps, String name, Supplier<String> action) {
        try {
            steps.add(new Step(name, true, action.get()));
            return true;
        } catch (PartnerException e) {
            steps.add(new Step(name, false, e.getMessage()));
            return false;
        }
    }

    private static String hostKeyMessage(SftpEndpoint endpoint, SftpHandshake handshake) {
        String presented = handshake.verifyHostKey() + " (" + handshake.serverVersion() + ")";
        return endpoint.hostKey() != null ? presented + " matches host_key"
                : presented + " was accepted without checking (allow_unknown_host_key); pin it with host_key: "
                        + handshake.presentedFingerprint();
    }

    /** Writes, then deletes, a hidden file no partner pattern matches. */
    private static String probe(SftpConnection connection) {
        String name = ".cohort-check-" + UUID.randomUUID() + ".tmp";
        try (OutputStream out = connection.create(name)) {
            out.write("Cohort connection check\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            PartnerException failure = connection.failure("write the test file " + name, e);
            deleteQuietly(connection, name);
            throw failure;
        }
        connection.delete(name);
        return "wrote and deleted " + name + " in " + connection.endpoint().folder();
    }

    private static void deleteQuietly(SftpConnection connection, String name) {
        try {
            connection.delete(name);
        } catch (PartnerException e) {
            // the write already failed; that is the message worth showing
        }
    }
}

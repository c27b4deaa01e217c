package dev.cohort.testing.sftp;

import dev.cohort.sandbox.sftp.SshKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;

/**
 * The system's OpenSSH {@code sshd} on a free loopback port, as a second, independent SFTP peer for
 * connector tests: the real thing partners run. It has its own temporary configuration, host key (ed25519)
 * and {@code authorized_keys} holding a generated ed25519 {@link #clientKey()} for the current OS user
 * ({@link #user()}); password authentication is off. SFTP sessions start in {@link #userFolder()}, but
 * there is no jail: absolute paths are the machine's own, so give connectors {@link #remoteFolder()}.
 *
 * <pre>{@code
 * @BeforeAll
 * static void startSshd() {
 *     assumeTrue(OpenSshServer.isAvailable(), OpenSshServer.unavailableReason());
 *     sshd = OpenSshServer.start();
 * }
 * }</pre>
 *
 * <p>Tests run as root in CI: {@code PermitRootLogin prohibit-password} allows the key, and the privilege
 * separation folder {@code /run/sshd} is created when missing. {@link #close()} stops sshd by its pid and
 * deletes the temporary folder. Thread-safe after {@link #start()}.
 */
public final class OpenSshServer implements AutoCloseable {
    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVILEGE_SEPARATION_FOLDER = Path.of("/run/sshd");
    private static final int PORT_ATTEMPTS = 3;

    private final Path folder;
    private final KeyPair hostKey;
    private final ClientKey clientKey;
    private final int port;
    private final SshdProcess process;

    private OpenSshServer(Path folder, KeyPair hostKey, ClientKey clientKey, int port, SshdProcess process) {
        this.folder = folder;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
        this.port = port;
        this.process = process;
    }

    /** Whether {@code /usr/sbin/sshd} exists; where it does not, tests using this fixture should be skipped. */
    public static boolean isAvailable() {
        return Files.isExecutable(SSHD);
    }

    /** Why {@link #isAvailable()} is false, and how to fix it. */
    public static String unavailableReason() {
        return SSHD + " is missing: install OpenSSH's server (apt-get install openssh-server) to run the tests against OpenSSH";
    }

    /**
     * Starts sshd and waits until it listens.
     *
     * @throws IllegalStateException with sshd's log when it does not start
     */
    public static OpenSshServer start() {
        if (!isAvailable()) {
            throw new IllegalStateException(unavailableReason());
        }
        createPrivilegeSeparationFolder();
        Path folder = TemporaryFolders.create("cohort-sshd-");
        try {
            KeyPair hostKey = SshKeys.generateEd25519();
            ClientKey clientKey = ClientKey.ed25519("cohort-test@localhost");
            SshKeys.writePrivateKey(folder.resolve("ssh_host_ed25519_key"), hostKey, "cohort-test-sshd");
            Files.writeString(folder.resolve("authorized_keys"), clientKey.authorizedKeyLine() + "\n");
            Files.createDirectories(folder.resolve("home"));
            for (int attempt = 1; ; attempt++) {
                int port = freeLoopbackPort();
                Path config = Files.writeString(folder.resolve("sshd_config"), SshdConfig.render(folder, port));
                try {
                    return new OpenSshServer(folder, hostKey, clientKey, port, SshdProcess.start(SSHD, config));
                } catch (IllegalStateException e) {
                    if (attempt == PORT_ATTEMPTS || !SshdProcess.isPortTaken(e)) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            TemporaryFolders.delete(folder);
            throw new UncheckedIOException("cannot prepare sshd's files in " + folder, e);
        } catch (RuntimeException e) {
            TemporaryFolders.delete(folder);
            throw e;
        }
    }

    /** {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The OS user the client key logs in as: the user running the tests. */
    public String user() {
        return System.getProperty("user.name");
    }

    public ClientKey clientKey() {
        return clientKey;
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    /** {@code SHA256:…}. */
    public String hostKeyFingerprint() {
        return SshKeys.fingerprint(hostKey.getPublic());
    }

    /** {@code [127.0.0.1]:<port> ssh-ed25519 AAAA…}. */
    public String knownHostsLine() {
        return SshKeys.knownHostsLine(host(), port, hostKey.getPublic());
    }

    /** The folder SFTP sessions start in: relative paths land here. Read it back to check an upload. */
    public Path userFolder() {
        return folder.resolve("home");
    }

    /** {@link #userFolder()} as the absolute remote path a connector should upload to. */
    public String remoteFolder() {
        return userFolder().toAbsolutePath().toString();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops sshd and its sessions, and deletes the temporary folder. */
    @Override
    public void close() {
        try {
            process.stop();
        } finally {
            TemporaryFolders.delete(folder);
        }
    }

    @Override
    public String toString() {
        return "OpenSshServer[" + host() + ":" + port + ", pid " + process.pid() + "]";
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void createPrivilegeSeparationFolder() {
        try {
            Files.createDirectories(PRIVILEGE_SEPARATION_FOLDER);
        } catch (IOException e) {
            // Only root may create it, and only root needs it: sshd names the folder if it is missing.
        }
    }
}

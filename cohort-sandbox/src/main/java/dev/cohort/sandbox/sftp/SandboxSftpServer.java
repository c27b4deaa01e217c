package dev.cohort.sandbox.sftp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Cohort's own SFTP server (Apache MINA SSHD), standing in for a partner's: it serves a root folder on
 * loopback, each {@link SftpUser} jailed to {@code root/<user>/} and logging in with a password or an
 * authorized public key. The host key lives in a file (ed25519, generated on first start) so clients see
 * the same key across restarts. {@link #faults()} injects a full disk, a dropped connection, a read-only
 * folder or a partner's round-trip latency; {@link #events()} shows what users wrote, renamed and removed.
 *
 * <pre>{@code
 * try (SandboxSftpServer server = SandboxSftpServer.builder()
 *         .root(folder)
 *         .user(SftpUser.named("partner").withAuthorizedKey(publicKey))
 *         .start()) {
 *     connectTo(server.host(), server.port(), server.knownHostsLine());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Start once, close once; a closed server cannot be started again.
 */
public final class SandboxSftpServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The host key file under the root unless {@link Builder#hostKeyFile} says otherwise. */
    public static final String DEFAULT_HOST_KEY_FILE = "ssh_host_ed25519_key";

    private final String host;
    private final int requestedPort;
    private final Path root;
    private final Path hostKeyFile;
    private final KeyPair hostKey;
    private final Map<String, SftpUser> users;
    private final SftpFaults faults = new SftpFaults();
    private final SftpEventLog events;
    private SshServer server;
    private boolean closed;

    private SandboxSftpServer(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.root = Objects.requireNonNull(builder.root, "root").toAbsolutePath().normalize();
        this.hostKeyFile = builder.hostKeyFile != null ? builder.hostKeyFile.toAbsolutePath() : root.resolve(DEFAULT_HOST_KEY_FILE);
        this.users = Collections.unmodifiableMap(new LinkedHashMap<>(builder.users));
        this.events = new SftpEventLog(builder.eventListener);
        createFolders();
        this.hostKey = HostKeyFile.loadOrCreate(hostKeyFile);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds and starts a server for one user from command-line style options. */
    public static SandboxSftpServer start(SandboxSftpOptions options) {
        return start(options, event -> { });
    }

    /** Builds and starts a server for one user from command-line style options, reporting each event. */
    public static SandboxSftpServer start(SandboxSftpOptions options, Consumer<SftpEvent> eventListener) {
        return builder().host(options.host()).port(options.port()).root(options.root()).hostKeyFile(options.hostKey())
                .user(options.toUser()).eventListener(eventListener).start();
    }

    /**
     * Listens for connections.
     *
     * @throws SandboxSftpException {@code SANDBOX_SFTP_START_FAILED} when the port cannot be bound
     * @throws IllegalStateException when already started or closed
     */
    public synchronized SandboxSftpServer start() {
        if (server != null || closed) {
            throw new IllegalStateException("the sandbox SFTP server is " + (closed ? "closed" : "already started"));
        }
        SshServer configured = SshServerSetup.configure(SshServer.setUpDefaultServer(), this);
        try {
            configured.start();
        } catch (IOException e) {
            throw new SandboxSftpException(SandboxSftpException.START_FAILED, "Cannot start the sandbox SFTP server on " + host
                    + ":" + requestedPort + ": " + e.getMessage() + ". Choose another port, or port 0 for any free one.", e);
        }
        server = configured;
        return this;
    }

    /** Stops listening and closes every session; the files stay. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                throw new SandboxSftpException(SandboxSftpException.START_FAILED, "Cannot stop the sandbox SFTP server: " + e.getMessage(), e);
            } finally {
                server = null;
            }
        }
    }

    public synchronized boolean isRunning() {
        return server != null && server.isStarted();
    }

    public String host() {
        return host;
    }

    /** The port clients connect to: the ephemeral one chosen when the server was built with port 0. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the sandbox SFTP server is not running: start() it first");
        }
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    public Path hostKeyFile() {
        return hostKeyFile;
    }

    /** The users, by name, in the order they were given. */
    public Map<String, SftpUser> users() {
        return users;
    }

    /** The folder {@code user} sees as {@code /}: read it back to check an upload. */
    public Path userFolder(String user) {
        if (!users.containsKey(user)) {
            throw new IllegalArgumentException("no SFTP user `" + user + "` on this server; users: " + users.keySet());
        }
        return root.resolve(user);
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:…}. */
    public String hostKeyFingerprint() {
        return SshKeys.fingerprint(hostKey.getPublic());
    }

    /** The {@code known_hosts} line clients need to trust this server, e.g. {@code [127.0.0.1]:40123 ssh-ed25519 AAAA…}. */
    public String knownHostsLine() {
        return SshKeys.knownHostsLine(host, port(), hostKey.getPublic());
    }

    /** The faults to inject; all off at first. */
    public SftpFaults faults() {
        return faults;
    }

    /** The changes users made, oldest first (at most the newest 10,000). */
    public List<SftpEvent> events() {
        return events.snapshot();
    }

    public void clearEvents() {
        events.clear();
    }

    /** What a person needs to connect, one fact a line (never a password). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Cohort sandbox SFTP server listening on ").append(host).append(" port ").append(port()).append('\n');
        for (SftpUser user : users.values()) {
            text.append("  user ").append(user.name()).append(": folder ").append(userFolder(user.name()))
                    .append(" (").append(user.hasPassword() ? "password" : "no password").append(", ")
                    .append(user.authorizedKeys().size()).append(" authorized key(s))\n");
        }
        text.append("  host key file: ").append(hostKeyFile).append('\n');
        text.append("  host key fingerprint: ").append(hostKeyFingerprint()).append('\n');
        text.append("  known_hosts line: ").append(knownHostsLine()).append('\n');
        String anyUser = users.keySet().iterator().next();
        text.append("  try: sftp -P ").append(port()).append(' ').append(anyUser).append('@').append(host).append('\n');
        return text.toString();
    }

    KeyPairProvider hostKeyProvider() {
        return KeyPairProvider.wrap(hostKey);
    }

    SftpSubsystemFactory sftpSubsystem() {
        SftpSubsystemFactory factory = new LatencySftpSubsystemFactory(faults);
        factory.addSftpEventListener(new FaultInjectingSftpListener(faults, this::userFolder));
        factory.addSftpEventListener(new RecordingSftpListener(events));
        return factory;
    }

    VirtualFileSystemFactory jailedFileSystems() {
        VirtualFileSystemFactory fileSystems = new VirtualFileSystemFactory();
        users.keySet().forEach(name -> fileSystems.setUserHomeDir(name, root.resolve(name)));
        return fileSystems;
    }

    int requestedPort() {
        return requestedPort;
    }

    private void createFolders() {
        try {
            for (String user : users.keySet()) {
                Files.createDirectories(root.resolve(user));
            }
        } catch (IOException e) {
            throw new SandboxSftpException(SandboxSftpException.START_FAILED,
                    "Cannot create the users' folders under " + root + ": " + e.getMessage() + ". Choose a writable root folder.", e);
        }
    }

    /**
     * Runs the server in the foreground until the process is stopped. Options: {@code --root DIR},
     * {@code --port N}, {@code --host ADDRESS}, {@code --user NAME}, {@code --authorized-keys FILE},
     * {@code --password} (the password is read from {@code $COHORT_SANDBOX_SFTP_PASSWORD}), {@code --host-key FILE}.
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        if (List.of(args).contains("--help")) {
            out.print(SandboxSftpOptions.USAGE);
            return;
        }
        SandboxSftpServer server;
        try {
            SandboxSftpOptions options = SandboxSftpOptions.parse(List.of(args), System.getenv());
            server = start(options, event -> out.println(event.describe()));
        } catch (SandboxSftpException e) {
            System.err.println(e.getMessage());
            System.err.println(SandboxSftpOptions.USAGE);
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-sftp-shutdown"));
        out.print(server.describe());
        out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** Configures a {@link SandboxSftpServer}; {@link #root} and at least one user are required. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private Path root;
        private Path hostKeyFile;
        private final Map<String, SftpUser> users = new LinkedHashMap<>();
        private Consumer<SftpEvent> eventListener = event -> { };

        private Builder() {
        }

        /** The address to listen on; {@value SandboxSftpServer#DEFAULT_HOST} unless set. */
        public Builder host(String newHost) {
            this.host = Objects.requireNonNull(newHost, "host");
            return this;
        }

        /** The port to listen on; 0 (the default) for any free port, see {@link SandboxSftpServer#port()}. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65_535) {
                throw new SandboxSftpException(SandboxSftpException.INVALID_SETTING,
                        "The SFTP port " + newPort + " is out of range: use 1 to 65535, or 0 for any free port.");
            }
            this.port = newPort;
            return this;
        }

        /** The folder that holds one folder per user (created when missing). */
        public Builder root(Path newRoot) {
            this.root = Objects.requireNonNull(newRoot, "root");
            return this;
        }

        /** Where the host key is read from, or generated into; {@code root/ssh_host_ed25519_key} unless set. */
        public Builder hostKeyFile(Path file) {
            this.hostKeyFile = file;
            return this;
        }

        public Builder user(SftpUser user) {
            if (users.putIfAbsent(user.name(), user) != null) {
                throw new SandboxSftpException(SandboxSftpException.INVALID_SETTING, "The SFTP user `" + user.name()
                        + "` is declared twice: give each user once, with all its keys and its password.");
            }
            return this;
        }

        /** Called, on a server thread, for each {@link SftpEvent}; it must be quick and must not throw. */
        public Builder eventListener(Consumer<SftpEvent> listener) {
            this.eventListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Validates the settings, creates the folders and loads or generates the host key; does not listen yet. */
        public SandboxSftpServer build() {
            if (root == null) {
                throw new SandboxSftpException(SandboxSftpException.INVALID_SETTING, "The sandbox SFTP server needs a root folder.");
            }
            if (users.isEmpty()) {
                throw new SandboxSftpException(SandboxSftpException.INVALID_SETTING, "The sandbox SFTP server needs at least one user.");
            }
            return new SandboxSftpServer(this);
        }

        public SandboxSftpServer start() {
            return build().start();
        }
    }
}

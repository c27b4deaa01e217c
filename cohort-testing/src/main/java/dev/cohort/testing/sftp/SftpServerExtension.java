package dev.cohort.testing.sftp;

import dev.cohort.sandbox.sftp.SandboxSftpServer;
import dev.cohort.sandbox.sftp.SftpEvent;
import dev.cohort.sandbox.sftp.SftpFaults;
import dev.cohort.sandbox.sftp.SftpUser;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link SandboxSftpServer} on loopback for connector tests, in a temporary root, with two users:
 * {@value #KEY_USER} logs in with a generated ed25519 {@link #clientKey()} (and, after {@link
 * #withRsaClientKey()}, an RSA one too), {@value #PASSWORD_USER} with a generated {@link #password()}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SftpServerExtension SFTP = new SftpServerExtension();
 *
 * ... config("127.0.0.1", SFTP.port(), SftpServerExtension.KEY_USER, SFTP.clientKey().pkcs8PrivateKey(),
 *            SFTP.knownHostsLine()) ...
 * assertThat(SFTP.userFolder().resolve("upload/audience.csv")).hasContent("id\n1\n");
 * }</pre>
 *
 * <p>In a {@code static} field the server runs for the whole class and every test starts clean: the users'
 * folders emptied, the faults cleared and the events forgotten. In an instance field each test gets a
 * server of its own. The temporary root is deleted when the server stops. Not for use by several threads
 * while starting or stopping; the server itself is thread-safe.
 */
public final class SftpServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** The user that logs in with {@link #clientKey()}. */
    public static final String KEY_USER = "partner";
    /** The user that logs in with {@link #password()}. */
    public static final String PASSWORD_USER = "password-partner";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientKey clientKey = ClientKey.ed25519("partner@cohort-test");
    private final String password = "pw-" + randomHex();
    private ClientKey rsaClientKey;
    private SandboxSftpServer server;
    private Path root;
    private boolean perClass;

    /** Also authorizes a 2048-bit RSA key for {@value #KEY_USER}; call it where the extension is declared. */
    public SftpServerExtension withRsaClientKey() {
        if (server != null) {
            throw new IllegalStateException("withRsaClientKey() must be called before the server starts");
        }
        rsaClientKey = ClientKey.rsa("partner-rsa@cohort-test");
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            start();
        } else {
            reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Empties the users' folders, clears the faults and forgets the events. */
    public void reset() {
        SandboxSftpServer running = server();
        running.faults().clear();
        running.clearEvents();
        running.users().keySet().forEach(user -> TemporaryFolders.empty(running.userFolder(user)));
    }

    public SandboxSftpServer server() {
        if (server == null) {
            throw new IllegalStateException("The SFTP test server is not running: register SftpServerExtension with @RegisterExtension");
        }
        return server;
    }

    /** {@code 127.0.0.1}. */
    public String host() {
        return server().host();
    }

    public int port() {
        return server().port();
    }

    public String keyUser() {
        return KEY_USER;
    }

    public String passwordUser() {
        return PASSWORD_USER;
    }

    /** {@value #PASSWORD_USER}'s password. */
    public String password() {
        return password;
    }

    /** {@value #KEY_USER}'s ed25519 key. */
    public ClientKey clientKey() {
        return clientKey;
    }

    /** {@value #KEY_USER}'s ed25519 private key, {@code BEGIN OPENSSH PRIVATE KEY}. */
    public String clientPrivateKeyOpenSsh() {
        return clientKey.openSshPrivateKey();
    }

    /** {@value #KEY_USER}'s ed25519 private key, {@code BEGIN PRIVATE KEY} (PKCS#8, as {@code openssl genpkey} writes it). */
    public String clientPrivateKeyPkcs8() {
        return clientKey.pkcs8PrivateKey();
    }

    /** {@value #KEY_USER}'s RSA key. */
    public ClientKey rsaClientKey() {
        if (rsaClientKey == null) {
            throw new IllegalStateException("no RSA client key: declare the extension as new SftpServerExtension().withRsaClientKey()");
        }
        return rsaClientKey;
    }

    public PublicKey hostPublicKey() {
        return server().hostPublicKey();
    }

    /** {@code SHA256:…}. */
    public String hostKeyFingerprint() {
        return server().hostKeyFingerprint();
    }

    /** {@code [127.0.0.1]:<port> ssh-ed25519 AAAA…}. */
    public String knownHostsLine() {
        return server().knownHostsLine();
    }

    /** The folder {@value #KEY_USER} sees as {@code /}. */
    public Path userFolder() {
        return userFolder(KEY_USER);
    }

    /** The folder {@code user} sees as {@code /}. */
    public Path userFolder(String user) {
        return server().userFolder(user);
    }

    /**
     * Settings of an SFTP-based destination that delivers to this server as the key user, into its folder
     * ({@code remote_folder: /}), with the host key pinned; {@code extra} adds or replaces settings.
     */
    public java.util.Map<String, Object> destinationSettings(java.util.Map<String, Object> extra) {
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(java.util.Map.of("host", host(), "port", port(),
                "user", KEY_USER, "remote_folder", "/", "host_key", hostKeyFingerprint()));
        settings.putAll(extra);
        return settings;
    }

    /** The credential values that log in as the key user (its private key in OpenSSH form). */
    public java.util.Map<String, String> keyCredential() {
        return java.util.Map.of("private_key", clientPrivateKeyOpenSsh());
    }

    /** The names in the key user's folder, published and temporary alike: what a conformance test's target holds. */
    public List<String> listUserFolder() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(userFolder())) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The data rows of the CSV files a delivery published in the key user's folder, header skipped, in order. */
    public List<List<String>> readCsvRows(dev.cohort.spi.destination.WriteResult result) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (dev.cohort.spi.destination.DeliveredFile file : result.files()) {
            try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader =
                         de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(userFolder().resolve(file.name()))) {
                reader.stream().skip(1).map(de.siegmar.fastcsv.reader.CsvRecord::getFields).forEach(rows::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return rows;
    }

    public SftpFaults faults() {
        return server().faults();
    }

    public List<SftpEvent> events() {
        return server().events();
    }

    private void start() {
        root = TemporaryFolders.create("cohort-sftp-");
        SftpUser keyUser = SftpUser.named(KEY_USER).withAuthorizedKey(clientKey.publicKey());
        if (rsaClientKey != null) {
            keyUser = keyUser.withAuthorizedKey(rsaClientKey.publicKey());
        }
        server = SandboxSftpServer.builder()
                .root(root.resolve("users"))
                .hostKeyFile(root.resolve("ssh_host_ed25519_key"))
                .user(keyUser)
                .user(SftpUser.named(PASSWORD_USER).withPassword(password))
                .start();
    }

    private void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            if (root != null) {
                TemporaryFolders.delete(root);
                root = null;
            }
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "SftpServerExtension[" + (server == null ? "not running" : server.host() + ":" + server.port()) + "]";
    }
}

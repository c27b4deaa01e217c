package dev.cohort.sandbox.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/** A MINA SSHD SFTP client logged in to a test server, trusting only the host key it is given. */
final class SftpTestClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SshClient client;
    private final ClientSession session;
    private final SftpClient sftp;

    private SftpTestClient(String host, int port, PublicKey hostKey, String user, Consumer<ClientSession> identity) throws IOException {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new RequiredServerKeyVerifier(hostKey));
        client.start();
        try {
            session = client.connect(user, host, port).verify(TIMEOUT).getSession();
            identity.accept(session);
            session.auth().verify(TIMEOUT);
            sftp = SftpClientFactory.instance().createSftpClient(session);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    static SftpTestClient withKey(SandboxSftpServer server, String user, KeyPair key) throws IOException {
        return new SftpTestClient(server.host(), server.port(), server.hostPublicKey(), user, s -> s.addPublicKeyIdentity(key));
    }

    static SftpTestClient withPassword(SandboxSftpServer server, String user, String password) throws IOException {
        return new SftpTestClient(server.host(), server.port(), server.hostPublicKey(), user, s -> s.addPasswordIdentity(password));
    }

    SftpClient sftp() {
        return sftp;
    }

    ClientSession session() {
        return session;
    }

    void upload(String path, byte[] content) throws IOException {
        try (OutputStream out = sftp.write(path)) {
            out.write(content);
        }
    }

    /** Waits until the server has closed the session; true when it did within the timeout. */
    boolean awaitClosed() {
        Set<ClientSession.ClientSessionEvent> events = session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.CLOSED), TIMEOUT);
        return events.contains(ClientSession.ClientSessionEvent.CLOSED);
    }

    @Override
    public void close() {
        try {
            if (session.isOpen()) {
                sftp.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            client.stop();
        }
    }
}

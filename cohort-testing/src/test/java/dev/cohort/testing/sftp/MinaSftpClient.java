package dev.cohort.testing.sftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/** A MINA SSHD SFTP client, as a connector would use it, trusting only the host key it is given. */
final class MinaSftpClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SshClient client = SshClient.setUpDefaultClient();
    private final SftpClient sftp;

    private MinaSftpClient(String host, int port, PublicKey hostKey, String user, Consumer<ClientSession> identity) throws IOException {
        client.setServerKeyVerifier(new RequiredServerKeyVerifier(hostKey));
        client.start();
        try {
            ClientSession session = client.connect(user, host, port).verify(TIMEOUT).getSession();
            identity.accept(session);
            session.auth().verify(TIMEOUT);
            sftp = SftpClientFactory.instance().createSftpClient(session);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    /** Logs in with a private key given as text, in any format MINA reads (OpenSSH, PKCS#8, PEM). */
    static MinaSftpClient withPrivateKeyText(String host, int port, PublicKey hostKey, String user, String privateKey)
            throws IOException, GeneralSecurityException {
        KeyPair key = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("test key"),
                new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.US_ASCII)), null).iterator().next();
        return new MinaSftpClient(host, port, hostKey, user, session -> session.addPublicKeyIdentity(key));
    }

    static MinaSftpClient withPassword(String host, int port, PublicKey hostKey, String user, String password) throws IOException {
        return new MinaSftpClient(host, port, hostKey, user, session -> session.addPasswordIdentity(password));
    }

    void upload(String path, String content) throws IOException {
        try (OutputStream out = sftp.write(path)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    SftpClient sftp() {
        return sftp;
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
        } finally {
            client.stop();
        }
    }
}

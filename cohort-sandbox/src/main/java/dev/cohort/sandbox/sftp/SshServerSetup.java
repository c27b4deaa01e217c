package dev.cohort.sandbox.sftp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.server.SshServer;

/** Turns a {@link SandboxSftpServer}'s settings into MINA's {@link SshServer}: SFTP only, no shell, no commands. */
final class SshServerSetup {
    private SshServerSetup() {
    }

    static SshServer configure(SshServer server, SandboxSftpServer sandbox) {
        server.setHost(sandbox.host());
        server.setPort(sandbox.requestedPort());
        server.setKeyPairProvider(sandbox.hostKeyProvider());
        server.setCipherFactories(aesGcmFirst(server.getCipherFactories()));
        Map<String, SftpUser> users = sandbox.users();
        server.setPasswordAuthenticator((name, password, session) -> {
            SftpUser user = users.get(name);
            return user != null && user.passwordMatches(password);
        });
        server.setPublickeyAuthenticator((name, key, session) -> {
            SftpUser user = users.get(name);
            return user != null && user.isAuthorized(key);
        });
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setFileSystemFactory(sandbox.jailedFileSystems());
        server.setSubsystemFactories(List.of(sandbox.sftpSubsystem()));
        return server;
    }

    /**
     * Puts the AES-GCM ciphers first (the JDK runs them with AES-NI, several times faster than chacha20).
     * The client's order decides the cipher, so this only matters to clients that defer to the server.
     */
    static List<NamedFactory<Cipher>> aesGcmFirst(List<NamedFactory<Cipher>> ciphers) {
        List<NamedFactory<Cipher>> ordered = new ArrayList<>(ciphers);
        ordered.sort(Comparator.comparing(cipher -> !cipher.getName().contains("-gcm@")));
        return ordered;
    }
}

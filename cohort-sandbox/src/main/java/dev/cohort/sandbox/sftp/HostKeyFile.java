package dev.cohort.sandbox.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * The server's host key, kept in a file so clients see the same key across restarts: read when the file
 * exists, otherwise generated (ed25519) and written there in OpenSSH format.
 */
final class HostKeyFile {
    private HostKeyFile() {
    }

    static KeyPair loadOrCreate(Path file) {
        if (Files.exists(file)) {
            try {
                return SshKeys.readPrivateKey(file);
            } catch (SandboxSftpException e) {
                throw new SandboxSftpException(e.errorCode(), "The host key file is not usable. " + e.getMessage()
                        + " Or delete it to have a new ed25519 host key generated (clients will then see a new key).", e);
            }
        }
        KeyPair generated = SshKeys.generateEd25519();
        SshKeys.writePrivateKey(file, generated, "cohort-sandbox-sftp");
        return generated;
    }
}

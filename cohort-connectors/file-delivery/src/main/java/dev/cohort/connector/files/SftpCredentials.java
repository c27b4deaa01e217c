package dev.cohort.connector.files;

import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * How Cohort logs in to an SFTP server: a password, private keys (already decrypted), or both. Read
 * from the destination's credential; {@link #toString()} never shows a secret.
 *
 * @param password the password, or null
 * @param keys     the private keys to offer, in order (empty when there are none)
 */
public record SftpCredentials(String password, List<KeyPair> keys) {
    public SftpCredentials {
        keys = List.copyOf(keys);
        if (password == null && keys.isEmpty()) {
            throw new IllegalArgumentException("SFTP credentials need a password or a private key");
        }
    }

    public boolean hasPassword() {
        return password != null;
    }

    /** "password", "private key (ssh-ed25519)" or "private key (ssh-rsa) or password": for messages. */
    public String describe() {
        String key = keys.isEmpty() ? null : "private key (" + KeyUtils.getKeyType(keys.get(0)) + ")";
        if (key == null) {
            return "password";
        }
        return hasPassword() ? key + " or password" : key;
    }

    @Override
    public String toString() {
        return "SftpCredentials[password=" + (hasPassword() ? "****" : "none") + ", keys=" + keys.size() + " (****)]";
    }
}

package dev.cohort.connector.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.security.auth.login.LoginException;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads private keys from a credential's text: OpenSSH ({@code -----BEGIN OPENSSH PRIVATE KEY-----})
 * and PEM (PKCS#8 {@code BEGIN PRIVATE KEY}, PKCS#1 {@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC
 * PRIVATE KEY}), encrypted or not. Messages never contain the key or the passphrase.
 */
final class PrivateKeys {
    private static final NamedResource SOURCE = NamedResource.ofName("credential.private_key");

    private PrivateKeys() {}

    /**
     * @param text       the key as pasted (indentation and CRLF line ends are tolerated)
     * @param passphrase the passphrase, or null
     * @throws IllegalArgumentException with a plain message when the text is not a usable private key
     */
    static List<KeyPair> parse(String text, String passphrase) {
        String normalized = text.strip().lines().map(String::strip).collect(Collectors.joining("\n", "", "\n"));
        if (!normalized.startsWith("-----BEGIN ")) {
            throw new IllegalArgumentException("is not a private key: expected OpenSSH (-----BEGIN OPENSSH PRIVATE KEY-----) or PEM"
                    + " (-----BEGIN PRIVATE KEY----- / -----BEGIN RSA PRIVATE KEY-----) text");
        }
        FilePasswordProvider passwords = passphrase == null ? null : FilePasswordProvider.of(passphrase);
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(normalized.getBytes(StandardCharsets.US_ASCII))) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, SOURCE, in, passwords);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (LoginException e) {
            throw new IllegalArgumentException("is encrypted: add its passphrase to the credential as 'passphrase'");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(passphrase == null
                    ? "could not be read as an OpenSSH or PEM private key (" + e.getClass().getSimpleName() + ")"
                    : "could not be read with the credential's passphrase: check the passphrase and that the key is complete");
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("holds no private key (is it the public key?)");
        }
        return List.copyOf(keys);
    }
}

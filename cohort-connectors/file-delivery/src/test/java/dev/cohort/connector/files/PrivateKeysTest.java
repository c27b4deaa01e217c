package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.testing.sftp.ClientKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {
    private static final ClientKey ED25519 = ClientKey.ed25519("test");
    private static final ClientKey RSA = ClientKey.rsa("test");

    @Test
    void readsOpenSshAndPkcs8Ed25519Keys() {
        assertThat(fingerprint(PrivateKeys.parse(ED25519.openSshPrivateKey(), null))).isEqualTo(ED25519.fingerprint());
        assertThat(fingerprint(PrivateKeys.parse(ED25519.pkcs8PrivateKey(), null))).isEqualTo(ED25519.fingerprint());
    }

    @Test
    void readsRsaKeysInOpenSshPkcs8AndPkcs1Form() {
        assertThat(fingerprint(PrivateKeys.parse(RSA.openSshPrivateKey(), null))).isEqualTo(RSA.fingerprint());
        assertThat(fingerprint(PrivateKeys.parse(RSA.pkcs8PrivateKey(), null))).isEqualTo(RSA.fingerprint());
        assertThat(fingerprint(PrivateKeys.parse(RSA.pkcs1PrivateKey(), null))).isEqualTo(RSA.fingerprint());
    }

    @Test
    void readsAnEcKeyInPemForm() {
        assertThat(KeyUtils.getKeyType(PrivateKeys.parse(resource("pem-ec"), null).get(0))).isEqualTo("ecdsa-sha2-nistp256");
    }

    @Test
    void toleratesIndentationAndWindowsLineEndsFromPastedText() {
        String pasted = "  " + ED25519.openSshPrivateKey().replace("\n", "\r\n    ");

        assertThat(fingerprint(PrivateKeys.parse(pasted, null))).isEqualTo(ED25519.fingerprint());
    }

    @Test
    void decryptsEncryptedKeysWithTheirPassphrase() {
        assertThat(PrivateKeys.parse(resource("encrypted-openssh-ed25519"), "secret")).hasSize(1);
        assertThat(PrivateKeys.parse(resource("encrypted-pkcs1-rsa"), "secret")).hasSize(1);
    }

    @Test
    void anEncryptedKeyWithoutPassphraseAsksForIt() {
        assertThatThrownBy(() -> PrivateKeys.parse(resource("encrypted-openssh-ed25519"), null))
                .hasMessage("is encrypted: add its passphrase to the credential as 'passphrase'");
        assertThatThrownBy(() -> PrivateKeys.parse(resource("encrypted-pkcs1-rsa"), null))
                .hasMessage("is encrypted: add its passphrase to the credential as 'passphrase'");
    }

    @Test
    void aWrongPassphraseIsNamedWithoutShowingIt() {
        assertThatThrownBy(() -> PrivateKeys.parse(resource("encrypted-openssh-ed25519"), "wrong-passphrase"))
                .hasMessageContaining("could not be read with the credential's passphrase").hasMessageNotContaining("wrong-passphrase");
    }

    @Test
    void textThatIsNoPrivateKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> PrivateKeys.parse("hunter2-not-a-key", null)).hasMessageStartingWith("is not a private key")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PrivateKeys.parse(ED25519.authorizedKeyLine(), null)).hasMessageStartingWith("is not a private key");
        String damaged = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAthisIsNotAKey\n-----END OPENSSH PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PrivateKeys.parse(damaged, null)).hasMessageStartingWith("could not be read as an OpenSSH or PEM private key")
                .hasMessageNotContaining("AAAAthisIsNotAKey");
    }

    private static String fingerprint(List<KeyPair> keys) {
        assertThat(keys).hasSize(1);
        return HostKeyPin.fingerprintOf(keys.get(0).getPublic());
    }

    static String resource(String name) {
        try (InputStream in = PrivateKeysTest.class.getResourceAsStream("/keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.cohort.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.testing.sftp.ClientKey;
import org.junit.jupiter.api.Test;

class HostKeyPinTest {
    private static final ClientKey SERVER = ClientKey.ed25519("server");
    private static final ClientKey OTHER = ClientKey.ed25519("other");

    @Test
    void aFingerprintPinsTheKeyItNames() {
        HostKeyPin pin = HostKeyPin.parse(SERVER.fingerprint());

        assertThat(pin.matches(SERVER.publicKey())).isTrue();
        assertThat(pin.matches(OTHER.publicKey())).isFalse();
        assertThat(HostKeyPin.fingerprintOf(SERVER.publicKey())).isEqualTo(SERVER.fingerprint()).startsWith("SHA256:");
    }

    @Test
    void aFingerprintWithBase64PaddingOrAnotherCaseOfPrefixIsTheSame() {
        String base64 = SERVER.fingerprint().substring("SHA256:".length());

        assertThat(HostKeyPin.parse("sha256:" + base64 + "=").matches(SERVER.publicKey())).isTrue();
    }

    @Test
    void knownHostsLinesWithAndWithoutPortAndBarePublicKeysPinTheirKey() {
        String key = SERVER.authorizedKeyLine();

        assertThat(HostKeyPin.parse("sftp.example.com " + key).matches(SERVER.publicKey())).isTrue();
        assertThat(HostKeyPin.parse("[127.0.0.1]:2222 " + key).matches(SERVER.publicKey())).isTrue();
        assertThat(HostKeyPin.parse(key).matches(SERVER.publicKey())).isTrue();
        assertThat(HostKeyPin.parse(HostKeyPin.knownHostsLine("127.0.0.1", 2222, SERVER.publicKey())).matches(SERVER.publicKey()))
                .isTrue();
    }

    @Test
    void severalLinesPinSeveralKeysSkippingCommentsAndBlankLines() {
        HostKeyPin pin = HostKeyPin.parse("# the partner's keys\n" + OTHER.fingerprint() + "\n\n  host " + SERVER.authorizedKeyLine() + "\n");

        assertThat(pin.fingerprints()).containsExactly(OTHER.fingerprint(), SERVER.fingerprint());
        assertThat(pin.matches(SERVER.publicKey())).isTrue();
    }

    @Test
    void textThatIsNeitherAFingerprintNorAKeyIsRefusedWithAPlainMessage() {
        assertThatThrownBy(() -> HostKeyPin.parse("SHA256:tooShort")).hasMessageContaining("is not a SHA-256 fingerprint")
                .hasMessageContaining("ssh-keygen -lf");
        assertThatThrownBy(() -> HostKeyPin.parse("MD5:aa:bb:cc")).hasMessageContaining("neither a SHA256:… fingerprint nor a known_hosts line");
        assertThatThrownBy(() -> HostKeyPin.parse("@cert-authority *.example.com " + SERVER.authorizedKeyLine()))
                .hasMessageContaining("@cert-authority").hasMessageContaining("not supported");
        assertThatThrownBy(() -> HostKeyPin.parse(" # only a comment ")).hasMessageContaining("holds no host key");
    }
}

package dev.cohort.runtime.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private static final MasterKey KEY = MasterKey.fromEnvironmentValue("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    private static final SecretBinding SFTP = new SecretBinding("acme", "partner-sftp");
    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

    private final SecretBox box = new SecretBox(KEY);

    @Test
    void opensWhatItSealed() {
        byte[] sealed = box.seal(PASSWORD, SFTP);

        assertThat(box.open(sealed, SFTP)).isEqualTo(PASSWORD);
        assertThat(box.open(box.seal(new byte[0], SFTP), SFTP)).isEmpty();
    }

    @Test
    void sealsWithAVersionTheKeyIdAndAFreshNonceEachTime() {
        byte[] first = box.seal(PASSWORD, SFTP);
        byte[] second = box.seal(PASSWORD, SFTP);

        assertThat(first).hasSize(1 + 4 + 12 + PASSWORD.length + 16);
        assertThat(first[0]).isEqualTo(SecretBox.FORMAT_VERSION);
        assertThat(Arrays.copyOfRange(first, 1, 5)).isEqualTo(new byte[] {0x34, (byte) 0xdf, (byte) 0xe7, 0x5d});
        assertThat(Arrays.copyOfRange(first, 5, 17)).isNotEqualTo(Arrays.copyOfRange(second, 5, 17));
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("horse");
    }

    @Test
    void anotherKeyIsAMismatchNamingBothKeyIds() {
        MasterKey other = MasterKey.generate();
        byte[] sealed = new SecretBox(other).seal(PASSWORD, SFTP);

        assertThatThrownBy(() -> box.open(sealed, SFTP))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.MASTER_KEY_MISMATCH))
                .hasMessage("The credentials of workspace 'acme' were encrypted with another master key (key id "
                        + other.keyId() + "; this key, from the environment variable COHORT_MASTER_KEY, is 34dfe75d). "
                        + "Use the key from when they were stored (in COHORT_MASTER_KEY or the key file), or re-apply "
                        + "the workspace to store them again under this key.");
    }

    @Test
    void aChangedByteIsTampering() {
        byte[] sealed = box.seal(PASSWORD, SFTP);
        sealed[20] ^= 0x01;

        assertTampered(sealed, SFTP, "The stored credential 'partner-sftp' of workspace 'acme' does not open with this "
                + "master key (key id 34dfe75d), which sealed it: it was altered, or copied from another credential "
                + "or workspace. Re-apply the workspace to store it again.");
    }

    @Test
    void sealedBytesDoNotOpenForAnotherCredentialOrWorkspace() {
        byte[] sealed = box.seal(PASSWORD, SFTP);

        assertTampered(sealed, new SecretBinding("acme", "braze-token"), "The stored credential 'braze-token' of "
                + "workspace 'acme' does not open with this master key (key id 34dfe75d), which sealed it: it was "
                + "altered, or copied from another credential or workspace. Re-apply the workspace to store it again.");
        assertTampered(sealed, new SecretBinding("acme-production", "partner-sftp"), "The stored credential "
                + "'partner-sftp' of workspace 'acme-production' does not open with this master key (key id "
                + "34dfe75d), which sealed it: it was altered, or copied from another credential or workspace. "
                + "Re-apply the workspace to store it again.");
    }

    @Test
    void truncatedBytesAreTampering() {
        byte[] sealed = Arrays.copyOf(box.seal(PASSWORD, SFTP), 20);

        assertTampered(sealed, SFTP, "The stored credential 'partner-sftp' of workspace 'acme' does not open with this "
                + "master key (key id 34dfe75d), which sealed it: it is too short to be sealed data. Re-apply the "
                + "workspace to store it again.");
    }

    @Test
    void anUnknownFormatVersionSaysToUpgrade() {
        byte[] sealed = box.seal(PASSWORD, SFTP);
        sealed[0] = 9;

        assertThatThrownBy(() -> box.open(sealed, SFTP))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.SECRET_FORMAT_UNKNOWN))
                .hasMessage("The stored credential 'partner-sftp' of workspace 'acme' is sealed in format version 9, "
                        + "which this Cohort does not know. Use the Cohort version that stored it or a newer one, or "
                        + "re-apply the workspace.");
    }

    private void assertTampered(byte[] sealed, SecretBinding binding, String message) {
        assertThatThrownBy(() -> box.open(sealed, binding))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.SECRET_TAMPERED))
                .hasMessage(message);
    }
}

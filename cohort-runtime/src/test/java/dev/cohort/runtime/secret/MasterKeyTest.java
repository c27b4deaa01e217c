package dev.cohort.runtime.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
    /** The bytes 0, 1, …, 31. */
    private static final String KEY_0_TO_31 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String EXPECTED_FORMAT = "must hold a 256-bit key as base64 (32 random bytes, "
            + "44 characters ending in '=')";

    @TempDir
    Path folder;

    @Test
    void theKeyIdIsAStableHmacOfTheKeyNotTheKey() {
        MasterKey key = MasterKey.fromEnvironmentValue(KEY_0_TO_31);

        assertThat(key.keyId()).isEqualTo("34dfe75d");
        assertThat(MasterKey.fromEnvironmentValue(KEY_0_TO_31).keyId()).isEqualTo(key.keyId());
        assertThat(MasterKey.generate().keyId()).matches("[0-9a-f]{8}").isNotEqualTo(key.keyId());
        assertThat("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f").doesNotContain(key.keyId());
    }

    @Test
    void readsTheEnvironmentValueAndSaysSo() {
        MasterKey key = MasterKey.fromEnvironmentValue("  " + KEY_0_TO_31 + "\n");

        assertThat(key.source()).isEqualTo("the environment variable COHORT_MASTER_KEY");
        assertThat(key.toString()).isEqualTo("MasterKey[id=34dfe75d, from the environment variable COHORT_MASTER_KEY]");
    }

    @Test
    void refusesAnEnvironmentValueThatIsNotA256BitBase64KeyWithoutRepeatingIt() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertInvalid("", "COHORT_MASTER_KEY " + EXPECTED_FORMAT + ", but it is empty. "
                + "Generate one with: openssl rand -base64 32");
        assertInvalid("hunter2-not-base64!", "COHORT_MASTER_KEY " + EXPECTED_FORMAT + ", but it is not valid base64. "
                + "Generate one with: openssl rand -base64 32");
        assertInvalid(sixteenBytes, "COHORT_MASTER_KEY " + EXPECTED_FORMAT + ", but it decodes to 16 bytes. "
                + "Generate one with: openssl rand -base64 32");
    }

    @Test
    void createsAKeyFileReadableOnlyByItsOwnerInANewFolder() throws IOException {
        Path file = folder.resolve("config/cohort/master.key");

        MasterKey created = MasterKey.createFile(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(created.source()).isEqualTo("the key file " + file);
        MasterKey read = MasterKey.readFile(file);
        assertThat(read.keyId()).isEqualTo(created.keyId());
        assertThat(read.source()).isEqualTo("the key file " + file);
    }

    @Test
    void neverOverwritesAKeyFile() throws IOException {
        Path file = folder.resolve("master.key");
        MasterKey first = MasterKey.createFile(file);
        String content = Files.readString(file);

        assertThatThrownBy(() -> MasterKey.createFile(file))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.MASTER_KEY_FILE_EXISTS))
                .hasMessage("The master key file " + file + " already exists, and Cohort never overwrites a key: "
                        + "the credentials encrypted under it would be lost. Use that file, or move it away first.");
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(MasterKey.readFile(file).keyId()).isEqualTo(first.keyId());
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws IOException {
        Path file = folder.resolve("master.key");
        Files.writeString(file, KEY_0_TO_31 + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MasterKey.readFile(file))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.MASTER_KEY_FILE_UNSAFE))
                .hasMessage("The master key file " + file + " can be read or changed by other users (mode 0644). "
                        + "Restrict it to its owner with: chmod 600 " + file);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(MasterKey.readFile(file).keyId()).isEqualTo("34dfe75d");
    }

    @Test
    void refusesAKeyFileThatDoesNotHoldAKeyAndNamesTheFile() throws IOException {
        Path file = folder.resolve("master.key");
        Files.writeString(file, "secret-looking-junk\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> MasterKey.readFile(file))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.MASTER_KEY_INVALID))
                .hasMessage("The master key file " + file + " " + EXPECTED_FORMAT + ", but it is not valid base64. "
                        + "Generate one with: openssl rand -base64 32");
    }

    @Test
    void theEnvironmentVariableWinsOverTheKeyFile() {
        Path file = folder.resolve("master.key");
        MasterKey fromFile = MasterKey.createFile(file);

        MasterKey fromEnvironment = MasterKey.resolve(Map.of("COHORT_MASTER_KEY", KEY_0_TO_31), file);
        MasterKey withoutEnvironment = MasterKey.resolve(Map.of(), file);

        assertThat(fromEnvironment.source()).isEqualTo("the environment variable COHORT_MASTER_KEY");
        assertThat(fromEnvironment.keyId()).isEqualTo("34dfe75d");
        assertThat(withoutEnvironment.source()).isEqualTo("the key file " + file);
        assertThat(withoutEnvironment.keyId()).isEqualTo(fromFile.keyId());
    }

    @Test
    void withNeitherEnvironmentVariableNorFileSaysHowToMakeAKey() {
        Path file = folder.resolve("master.key");

        assertThatThrownBy(() -> MasterKey.resolve(Map.of(), file))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.MASTER_KEY_MISSING))
                .hasMessage("No master key: COHORT_MASTER_KEY is not set and there is no key file at " + file
                        + ". Set COHORT_MASTER_KEY to a new key (Generate one with: openssl rand -base64 32) "
                        + "or create the key file.");
    }

    @Test
    void aWorkspaceStoredUnderAnotherKeyIsRecognisedByItsKeyId() {
        MasterKey key = MasterKey.fromEnvironmentValue(KEY_0_TO_31);
        key.requireMatches("acme", "34dfe75d");

        assertThatThrownBy(() -> key.requireMatches("acme", "0badc0de"))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.MASTER_KEY_MISMATCH))
                .hasMessage("The credentials of workspace 'acme' were encrypted with another master key (key id "
                        + "0badc0de; this key, from the environment variable COHORT_MASTER_KEY, is 34dfe75d). Use "
                        + "the key from when they were stored (in COHORT_MASTER_KEY or the key file), or re-apply "
                        + "the workspace to store them again under this key.");
    }

    private static void assertInvalid(String value, String message) {
        assertThatThrownBy(() -> MasterKey.fromEnvironmentValue(value))
                .isInstanceOfSatisfying(SecretException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(SecretException.MASTER_KEY_INVALID))
                .hasMessage(message);
    }
}

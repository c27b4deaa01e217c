package dev.cohort.sandbox.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.GeneralSecurityException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeysTest {
    private static final KeyPair ED25519 = SshKeys.generateEd25519();

    @TempDir
    Path folder;

    @Test
    void ed25519PrivateKeysRoundTripInOpenSshAndPkcs8Form() throws IOException {
        String openSsh = SshKeys.openSshPrivateKey(ED25519, "test");
        String pkcs8 = SshKeys.pkcs8PrivateKey(ED25519.getPrivate());

        assertThat(openSsh).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n").endsWith("-----END OPENSSH PRIVATE KEY-----\n");
        assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----\nMC4CAQAw").endsWith("-----END PRIVATE KEY-----\n");
        assertSamePair(Files.writeString(folder.resolve("openssh"), openSsh), ED25519);
        assertSamePair(Files.writeString(folder.resolve("pkcs8"), pkcs8), ED25519);
    }

    @Test
    void rsaPrivateKeysRoundTripInEveryForm() throws IOException {
        KeyPair rsa = SshKeys.generateRsa(2048);
        String pkcs1 = SshKeys.pkcs1PrivateKey((RSAPrivateKey) rsa.getPrivate());

        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertSamePair(Files.writeString(folder.resolve("pkcs1"), pkcs1), rsa);
        assertSamePair(Files.writeString(folder.resolve("pkcs8"), SshKeys.pkcs8PrivateKey(rsa.getPrivate())), rsa);
        assertSamePair(Files.writeString(folder.resolve("openssh"), SshKeys.openSshPrivateKey(rsa, "rsa")), rsa);
    }

    @Test
    void authorizedKeysFilesWithEd25519RsaAndEcdsaKeysAreRead() throws IOException, GeneralSecurityException {
        KeyPair rsa = SshKeys.generateRsa(2048);
        KeyPair ecdsa = ecdsaP256();
        Path file = Files.writeString(folder.resolve("authorized_keys"), String.join("\n",
                "# partner keys",
                SshKeys.authorizedKeyLine(ED25519.getPublic(), "ed"),
                "",
                SshKeys.authorizedKeyLine(rsa.getPublic(), null),
                "no-pty " + SshKeys.authorizedKeyLine(ecdsa.getPublic(), "with options")) + "\n");

        SftpUser user = SftpUser.named("partner").withAuthorizedKeys(file);

        assertThat(user.authorizedKeys()).hasSize(3);
        assertThat(user.isAuthorized(ED25519.getPublic())).isTrue();
        assertThat(user.isAuthorized(rsa.getPublic())).isTrue();
        assertThat(user.isAuthorized(ecdsa.getPublic())).isTrue();
        assertThat(user.isAuthorized(SshKeys.generateEd25519().getPublic())).isFalse();
    }

    @Test
    void anAuthorizedKeysFileWithoutKeysIsRefused() throws IOException {
        Path empty = Files.writeString(folder.resolve("authorized_keys"), "# nothing\n");
        assertThatThrownBy(() -> SshKeys.readAuthorizedKeys(empty))
                .isInstanceOf(SandboxSftpException.class)
                .hasMessageContaining("holds no key");
        assertThatThrownBy(() -> SshKeys.readAuthorizedKeys(folder.resolve("missing")))
                .isInstanceOf(SandboxSftpException.class)
                .hasMessageContaining("Cannot read the authorized keys file");
    }

    @Test
    void authorizedKeyAndKnownHostsLinesFollowOpenSsh() {
        String entry = SshKeys.authorizedKeyLine(ED25519.getPublic(), " me@host ");
        assertThat(entry).matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/=]+ me@host");
        String base64 = entry.split(" ")[1];
        assertThat(SshKeys.knownHostsLine("sftp.example.com", 22, ED25519.getPublic())).isEqualTo("sftp.example.com ssh-ed25519 " + base64);
        assertThat(SshKeys.knownHostsLine("127.0.0.1", 2222, ED25519.getPublic())).isEqualTo("[127.0.0.1]:2222 ssh-ed25519 " + base64);
        assertThat(SshKeys.fingerprint(ED25519.getPublic())).matches("SHA256:[A-Za-z0-9+/]{43}");
    }

    private static void assertSamePair(Path file, KeyPair expected) {
        KeyPair read = SshKeys.readPrivateKey(file);
        assertThat(KeyUtils.compareKeys(read.getPublic(), expected.getPublic())).isTrue();
        assertThat(SshKeys.pkcs8PrivateKey(read.getPrivate())).isEqualTo(SshKeys.pkcs8PrivateKey(expected.getPrivate()));
    }

    private static KeyPair ecdsaP256() throws NoSuchAlgorithmException, java.security.InvalidAlgorithmParameterException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}

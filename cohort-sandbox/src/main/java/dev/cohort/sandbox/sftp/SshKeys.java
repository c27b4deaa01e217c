package dev.cohort.sandbox.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * SSH key material in the formats people and partners exchange: generation (ed25519, RSA), OpenSSH and
 * PEM private keys, {@code authorized_keys} and {@code known_hosts} lines, and SHA-256 fingerprints as
 * {@code ssh-keygen -lf} prints them. Ed25519 relies on Bouncy Castle, which MINA SSHD registers when it
 * is on the class path. Stateless and thread-safe.
 */
public final class SshKeys {
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private SshKeys() {
    }

    /** A new ed25519 key pair. */
    public static KeyPair generateEd25519() {
        return generate(KeyPairProvider.SSH_ED25519, 256);
    }

    /** A new RSA key pair of {@code bits} bits (2048 or more). */
    public static KeyPair generateRsa(int bits) {
        return generate(KeyPairProvider.SSH_RSA, bits);
    }

    /** The private key in OpenSSH's own format ({@code BEGIN OPENSSH PRIVATE KEY}), unencrypted. */
    public static String openSshPrivateKey(KeyPair keyPair, String comment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, comment, null, out);
        } catch (IOException | GeneralSecurityException e) {
            throw new SandboxSftpException(SandboxSftpException.KEY_FILE,
                    "Cannot encode a " + keyPair.getPrivate().getAlgorithm() + " key in OpenSSH format: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * The private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), the form {@code openssl genpkey}
     * writes: for ed25519 the RFC 8410 version-1 structure, without the optional public key.
     */
    public static String pkcs8PrivateKey(PrivateKey privateKey) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(privateKey.getEncoded());
            PrivateKeyInfo withoutPublicKey = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey());
            return pem("PRIVATE KEY", withoutPublicKey.getEncoded());
        } catch (IOException e) {
            throw new SandboxSftpException(SandboxSftpException.KEY_FILE, "Cannot encode the private key as PKCS#8: " + e.getMessage(), e);
        }
    }

    /** An RSA private key in the traditional OpenSSL (PKCS#1) form, {@code BEGIN RSA PRIVATE KEY}. */
    public static String pkcs1PrivateKey(RSAPrivateKey privateKey) {
        try {
            byte[] pkcs1 = PrivateKeyInfo.getInstance(privateKey.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
            return pem("RSA PRIVATE KEY", pkcs1);
        } catch (IOException e) {
            throw new SandboxSftpException(SandboxSftpException.KEY_FILE, "Cannot encode the RSA key as PKCS#1: " + e.getMessage(), e);
        }
    }

    /** The public key as one {@code authorized_keys} line: {@code ssh-ed25519 AAAA… comment}. */
    public static String authorizedKeyLine(PublicKey publicKey, String comment) {
        String entry = PublicKeyEntry.toString(publicKey);
        return comment == null || comment.isBlank() ? entry : entry + " " + comment.strip();
    }

    /** The SHA-256 fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:} and unpadded base64. */
    public static String fingerprint(PublicKey publicKey) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, publicKey);
    }

    /** The {@code known_hosts} line for a server key: {@code [host]:port} unless the port is 22. */
    public static String knownHostsLine(String host, int port, PublicKey hostKey) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        return name + " " + PublicKeyEntry.toString(hostKey);
    }

    /** Every key in an OpenSSH {@code authorized_keys} file (options and comments are ignored). */
    public static List<PublicKey> readAuthorizedKeys(Path file) {
        try {
            List<AuthorizedKeyEntry> entries = AuthorizedKeyEntry.readAuthorizedKeys(file);
            List<PublicKey> keys = new ArrayList<>();
            for (AuthorizedKeyEntry entry : entries) {
                keys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            }
            if (keys.isEmpty()) {
                throw new SandboxSftpException(SandboxSftpException.KEY_FILE,
                        "The authorized keys file " + file + " holds no key: add lines like `ssh-ed25519 AAAA… name`.");
            }
            return List.copyOf(keys);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new SandboxSftpException(SandboxSftpException.KEY_FILE,
                    "Cannot read the authorized keys file " + file + ": " + e.getMessage()
                            + ". Give an OpenSSH authorized_keys file (ed25519, RSA or ECDSA public keys).", e);
        }
    }

    /** The first key pair in a private key file: OpenSSH, PKCS#8 or traditional PEM, unencrypted. */
    public static KeyPair readPrivateKey(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
            Iterator<KeyPair> iterator = pairs == null ? null : pairs.iterator();
            if (iterator == null || !iterator.hasNext()) {
                throw new SandboxSftpException(SandboxSftpException.KEY_FILE, "The key file " + file
                        + " holds no private key: give an unencrypted OpenSSH, PKCS#8 or PEM private key.");
            }
            return iterator.next();
        } catch (IOException | GeneralSecurityException e) {
            throw new SandboxSftpException(SandboxSftpException.KEY_FILE, "Cannot read the private key file " + file + ": "
                    + e.getMessage() + ". Give an unencrypted OpenSSH, PKCS#8 or PEM private key.", e);
        }
    }

    /**
     * Writes the key pair in OpenSSH format, readable by its owner only where the file system has POSIX
     * permissions; the file appears complete or not at all.
     */
    public static void writePrivateKey(Path file, KeyPair keyPair, String comment) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), ".key-", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, openSshPrivateKey(keyPair, comment), StandardCharsets.US_ASCII);
                moveInPlace(temporary, absolute);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new SandboxSftpException(SandboxSftpException.KEY_FILE,
                    "Cannot write the key file " + absolute + ": " + e.getMessage() + ". Check that its folder is writable.", e);
        }
    }

    private static KeyPair generate(String keyType, int bits) {
        try {
            return KeyUtils.generateKeyPair(keyType, bits);
        } catch (GeneralSecurityException e) {
            throw new SandboxSftpException(SandboxSftpException.KEY_FILE, "Cannot generate a " + keyType + " key: " + e.getMessage()
                    + (keyType.equals(KeyPairProvider.SSH_ED25519) ? ". Ed25519 needs Bouncy Castle (bcpkix-jdk18on) on the class path." : ""), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void moveInPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package dev.cohort.testing.sftp;

import dev.cohort.sandbox.sftp.SshKeys;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;

/**
 * An SSH client key pair for tests, with the private key in every form a connector must accept: OpenSSH
 * ({@code BEGIN OPENSSH PRIVATE KEY}), PKCS#8 ({@code BEGIN PRIVATE KEY}) and, for RSA, traditional
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). All unencrypted. Immutable.
 *
 * @param keyPair the key pair
 * @param comment the comment of its {@code authorized_keys} line and OpenSSH private key
 */
public record ClientKey(KeyPair keyPair, String comment) {
    public ClientKey {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(comment, "comment");
    }

    /** A new ed25519 key (the default of {@code ssh-keygen}). */
    public static ClientKey ed25519(String comment) {
        return new ClientKey(SshKeys.generateEd25519(), comment);
    }

    /** A new 2048-bit RSA key (what partners such as CrowdTwist recommend). Takes a moment to generate. */
    public static ClientKey rsa(String comment) {
        return new ClientKey(SshKeys.generateRsa(2048), comment);
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** {@code ssh-ed25519} or {@code ssh-rsa}. */
    public String type() {
        return authorizedKeyLine().split(" ", 2)[0];
    }

    public String openSshPrivateKey() {
        return SshKeys.openSshPrivateKey(keyPair, comment);
    }

    public String pkcs8PrivateKey() {
        return SshKeys.pkcs8PrivateKey(keyPair.getPrivate());
    }

    /** The traditional OpenSSL form; RSA keys only. */
    public String pkcs1PrivateKey() {
        if (!(keyPair.getPrivate() instanceof RSAPrivateKey rsa)) {
            throw new UnsupportedOperationException("only RSA keys have a PKCS#1 form; this is a " + type() + " key");
        }
        return SshKeys.pkcs1PrivateKey(rsa);
    }

    public String authorizedKeyLine() {
        return SshKeys.authorizedKeyLine(keyPair.getPublic(), comment);
    }

    /** {@code SHA256:…}, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return SshKeys.fingerprint(keyPair.getPublic());
    }

    @Override
    public String toString() {
        return "ClientKey[" + type() + " " + fingerprint() + " " + comment + "]";
    }
}

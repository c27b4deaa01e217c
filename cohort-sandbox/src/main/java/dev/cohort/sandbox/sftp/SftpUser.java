package dev.cohort.sandbox.sftp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * One account on the sandbox server: a name (which is also its folder under the server's root), an
 * optional password and any number of authorized public keys. A user with neither cannot log in.
 * Immutable; {@code toString} never shows the password.
 *
 * <pre>{@code
 * SftpUser.named("koupon").withPassword(secret)
 * SftpUser.named("crowdtwist").withAuthorizedKeys(Path.of("authorized_keys"))
 * }</pre>
 */
public record SftpUser(String name, String password, List<PublicKey> authorizedKeys) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SftpUser {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new SandboxSftpException(SandboxSftpException.INVALID_SETTING, "The SFTP user name `" + name
                    + "` is not valid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (password != null && password.isEmpty()) {
            throw new SandboxSftpException(SandboxSftpException.INVALID_SETTING,
                    "The password of SFTP user `" + name + "` is empty: give a non-empty password or none.");
        }
        authorizedKeys = List.copyOf(authorizedKeys);
    }

    /** A user with no password and no key yet. */
    public static SftpUser named(String name) {
        return new SftpUser(name, null, List.of());
    }

    public SftpUser withPassword(String newPassword) {
        return new SftpUser(name, Objects.requireNonNull(newPassword, "password"), authorizedKeys);
    }

    public SftpUser withAuthorizedKey(PublicKey key) {
        List<PublicKey> keys = new ArrayList<>(authorizedKeys);
        keys.add(Objects.requireNonNull(key, "key"));
        return new SftpUser(name, password, keys);
    }

    /** Adds every key of an OpenSSH {@code authorized_keys} file. */
    public SftpUser withAuthorizedKeys(Path authorizedKeysFile) {
        List<PublicKey> keys = new ArrayList<>(authorizedKeys);
        keys.addAll(SshKeys.readAuthorizedKeys(authorizedKeysFile));
        return new SftpUser(name, password, keys);
    }

    public boolean hasPassword() {
        return password != null;
    }

    /** Whether {@code attempt} is this user's password, compared in constant time. */
    public boolean passwordMatches(String attempt) {
        return password != null && attempt != null
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), attempt.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isAuthorized(PublicKey key) {
        return authorizedKeys.stream().anyMatch(authorized -> KeyUtils.compareKeys(authorized, key));
    }

    @Override
    public String toString() {
        return "SftpUser[name=" + name + ", password=" + (password == null ? "none" : "****")
                + ", authorizedKeys=" + authorizedKeys.size() + "]";
    }
}

package dev.cohort.connector.files;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one SFTP folder. Bound from settings and credential by
 * {@link SftpSettings#bind}; immutable; {@link #toString()} masks the credentials.
 *
 * @param host                the server's host name or address
 * @param port                its SSH port
 * @param user                the user name to log in as
 * @param remoteFolder        the absolute folder files go to ({@code /incoming})
 * @param hostKey             the pinned host keys, or null when {@code allowUnknownHostKey}
 * @param allowUnknownHostKey accept any host key (logged as a warning at each connection)
 * @param connectTimeout      the limit for connecting, the key exchange and authentication each
 * @param credentials         password and/or private keys
 */
public record SftpEndpoint(String host, int port, String user, String remoteFolder, HostKeyPin hostKey,
                           boolean allowUnknownHostKey, Duration connectTimeout, SftpCredentials credentials) {
    public SftpEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteFolder, "remoteFolder");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(credentials, "credentials");
        if (hostKey == null && !allowUnknownHostKey) {
            throw new IllegalArgumentException("an SFTP endpoint needs a pinned host key unless unknown keys are allowed explicitly");
        }
        if (!remoteFolder.startsWith("/")) {
            throw new IllegalArgumentException("the remote folder must be absolute: " + remoteFolder);
        }
    }

    /** {@code sftp://host:port/folder}: where delivered files are, without credentials. */
    public String location() {
        return "sftp://" + host + ":" + port + folder();
    }

    /** The remote folder without a trailing slash ({@code /} stays {@code /}). */
    public String folder() {
        return remoteFolder.length() > 1 && remoteFolder.endsWith("/") ? remoteFolder.substring(0, remoteFolder.length() - 1) : remoteFolder;
    }

    /** The absolute path of a file in the remote folder. */
    public String pathOf(String fileName) {
        String folder = folder();
        return folder.endsWith("/") ? folder + fileName : folder + "/" + fileName;
    }

    /** The same endpoint, another folder (the connection check of a folder below, a test). */
    public SftpEndpoint withRemoteFolder(String folder) {
        return new SftpEndpoint(host, port, user, folder, hostKey, allowUnknownHostKey, connectTimeout, credentials);
    }

    @Override
    public String toString() {
        return "SftpEndpoint[" + user + "@" + host + ":" + port + folder() + ", hostKey="
                + (hostKey == null ? "any (allow_unknown_host_key)" : hostKey.fingerprints()) + ", connectTimeout=" + connectTimeout
                + ", credentials=" + credentials + "]";
    }
}

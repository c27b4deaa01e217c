package dev.cohort.connector.files;

import dev.cohort.spi.config.SecretSpec;
import dev.cohort.spi.config.SettingSpec;
import dev.cohort.spi.config.SettingType;
import dev.cohort.spi.config.Settings;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/**
 * The settings and credential values every SFTP file destination shares, declared once, and their
 * binding into an {@link SftpEndpoint}. A destination type lists {@link #SETTINGS} and {@link #SECRETS}
 * in its spec and calls {@link #bind} from {@code configure}.
 */
public final class SftpSettings {
    /** The credential type of every SFTP destination. */
    public static final String CREDENTIAL_TYPE = "sftp";

    public static final SettingSpec HOST = SettingSpec.required("host", SettingType.STRING,
            "The SFTP server's host name or IP address (no sftp:// prefix).");
    public static final SettingSpec PORT = SettingSpec.optional("port", SettingType.INTEGER, "22", "The SFTP server's SSH port.");
    public static final SettingSpec USER = SettingSpec.required("user", SettingType.STRING, "The user name to log in as.");
    public static final SettingSpec REMOTE_FOLDER = SettingSpec.required("remote_folder", SettingType.STRING,
            "The folder files are delivered to; absolute, starting with '/'.");
    public static final SettingSpec HOST_KEY = SettingSpec.optional("host_key", SettingType.STRING, null,
            "The server's host key: its SHA-256 fingerprint (SHA256:…, from ssh-keygen -lf) or its known_hosts line; several"
                    + " on separate lines. Required unless allow_unknown_host_key is true.");
    public static final SettingSpec ALLOW_UNKNOWN_HOST_KEY = SettingSpec.optional("allow_unknown_host_key", SettingType.BOOLEAN,
            "false", "Accept any host key without checking it (unsafe: for first contact and tests only; logged as a warning).");
    public static final SettingSpec CONNECT_TIMEOUT = SettingSpec.optional("connect_timeout", SettingType.DURATION, "30s",
            "How long connecting, the key exchange and logging in may each take.");

    public static final List<SettingSpec> SETTINGS = List.of(HOST, PORT, USER, REMOTE_FOLDER, HOST_KEY, ALLOW_UNKNOWN_HOST_KEY,
            CONNECT_TIMEOUT);

    public static final SecretSpec PASSWORD = new SecretSpec("password", false, "The user's password (a password or a private key is required).");
    public static final SecretSpec PRIVATE_KEY = new SecretSpec("private_key", false,
            "A private key in OpenSSH (-----BEGIN OPENSSH PRIVATE KEY-----) or PEM (PKCS#8, PKCS#1) format.");
    public static final SecretSpec PASSPHRASE = new SecretSpec("passphrase", false, "The passphrase of an encrypted private key.");

    public static final List<SecretSpec> SECRETS = List.of(PASSWORD, PRIVATE_KEY, PASSPHRASE);

    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

    private SftpSettings() {}

    /**
     * Reads the SFTP settings and credential values, recording every problem in {@code settings}.
     * The caller calls {@link Settings#validate()} once it has bound its other settings.
     *
     * @return the endpoint, or null when a problem was recorded
     */
    public static SftpEndpoint bind(Settings settings) {
        int problemsBefore = settings.problems().size();
        String host = host(settings);
        int port = settings.integer(PORT.name());
        if (port < 1 || port > 65_535) {
            settings.problem(PORT.name(), "must be between 1 and 65535, not " + port);
        }
        String user = settings.optionalString(USER.name()).map(String::strip).orElse("");
        String folder = settings.optionalString(REMOTE_FOLDER.name()).map(String::strip).orElse("");
        if (!folder.isEmpty() && !folder.startsWith("/")) {
            settings.problem(REMOTE_FOLDER.name(), "must be an absolute path starting with '/', such as /" + folder);
        }
        boolean allowUnknown = settings.bool(ALLOW_UNKNOWN_HOST_KEY.name());
        HostKeyPin hostKey = hostKey(settings, allowUnknown);
        Duration timeout = settings.duration(CONNECT_TIMEOUT.name());
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            settings.problem(CONNECT_TIMEOUT.name(), "must be more than 0 and at most 10m");
        }
        SftpCredentials credentials = credentials(settings);
        if (settings.problems().size() > problemsBefore || host.isEmpty() || user.isEmpty() || folder.isEmpty()) {
            return null;
        }
        return new SftpEndpoint(host, port, user, folder, hostKey, allowUnknown, timeout, credentials);
    }

    private static String host(Settings settings) {
        String host = settings.optionalString(HOST.name()).map(String::strip).orElse("");
        if (host.contains("://")) {
            settings.problem(HOST.name(), "give the host name only, without a scheme such as sftp://");
        } else if (host.contains("/") || host.chars().anyMatch(Character::isWhitespace)) {
            settings.problem(HOST.name(), "is not a host name: it contains '/' or spaces (put the folder in remote_folder)");
        }
        return host;
    }

    private static HostKeyPin hostKey(Settings settings, boolean allowUnknown) {
        String text = settings.optionalString(HOST_KEY.name()).orElse("");
        if (text.isBlank()) {
            if (!allowUnknown) {
                settings.problem(HOST_KEY.name(), "is required: pin the server's key with its SHA-256 fingerprint (ssh-keygen -lf,"
                        + " or the fingerprint a failed connection check shows) or its known_hosts line; or set"
                        + " allow_unknown_host_key: true for a test server");
            }
            return null;
        }
        try {
            return HostKeyPin.parse(text);
        } catch (IllegalArgumentException e) {
            settings.problem(HOST_KEY.name(), e.getMessage());
            return null;
        }
    }

    private static SftpCredentials credentials(Settings settings) {
        String password = settings.secret(PASSWORD.name()).orElse(null);
        String keyText = settings.secret(PRIVATE_KEY.name()).orElse(null);
        String passphrase = settings.secret(PASSPHRASE.name()).orElse(null);
        if (password == null && keyText == null) {
            settings.problem("credential", "needs a password or a private_key");
            return null;
        }
        List<KeyPair> keys = List.of();
        if (keyText != null) {
            try {
                keys = PrivateKeys.parse(keyText, passphrase);
            } catch (IllegalArgumentException e) {
                settings.problem("credential." + PRIVATE_KEY.name(), e.getMessage());
                return null;
            }
        }
        return new SftpCredentials(password, keys);
    }
}

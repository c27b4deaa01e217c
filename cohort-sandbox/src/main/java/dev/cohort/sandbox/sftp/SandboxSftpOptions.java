package dev.cohort.sandbox.sftp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a one-user sandbox SFTP server as a person gives them on the command line
 * ({@code cohort sandbox sftp}); see {@link #USAGE}. The password never comes from the command line, where
 * other users of the machine could read it, but from {@value #PASSWORD_VARIABLE}.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param root the folder holding the user's folder
 * @param user the user name, also its folder under {@code root}
 * @param authorizedKeys an OpenSSH {@code authorized_keys} file for the user, or {@code null}
 * @param password the user's password, or {@code null} for key authentication only
 * @param hostKey the host key file, read or generated; {@code root/ssh_host_ed25519_key} when {@code null}
 */
public record SandboxSftpOptions(String host, int port, Path root, String user, Path authorizedKeys, String password,
                                 Path hostKey) {
    public static final String PASSWORD_VARIABLE = "COHORT_SANDBOX_SFTP_PASSWORD";
    public static final int DEFAULT_PORT = 2222;
    public static final String DEFAULT_USER = "partner";
    public static final Path DEFAULT_ROOT = Path.of("sandbox-sftp");
    public static final String USAGE = """
            Usage: SandboxSftpServer [--root DIR] [--port N] [--host ADDRESS] [--user NAME]
                                     [--authorized-keys FILE] [--password] [--host-key FILE]
              --root DIR              folder holding one folder per user (default ./sandbox-sftp)
              --port N                port to listen on, 0 for any free port (default 2222)
              --host ADDRESS          address to listen on (default 127.0.0.1)
              --user NAME             the SFTP user, jailed to DIR/NAME (default partner)
              --authorized-keys FILE  OpenSSH authorized_keys file: the user may log in with these keys
              --password              the user may also log in with the password in $COHORT_SANDBOX_SFTP_PASSWORD
              --host-key FILE         host key, generated there when missing (default DIR/ssh_host_ed25519_key)
            """;

    public SandboxSftpOptions {
        host = host == null ? SandboxSftpServer.DEFAULT_HOST : host;
        root = Objects.requireNonNullElse(root, DEFAULT_ROOT);
        user = user == null ? DEFAULT_USER : user;
        hostKey = hostKey == null ? root.resolve(SandboxSftpServer.DEFAULT_HOST_KEY_FILE) : hostKey;
        if (authorizedKeys == null && password == null) {
            throw new SandboxSftpException(SandboxSftpException.INVALID_SETTING, "The SFTP user `" + user
                    + "` has no way to log in: give --authorized-keys FILE, or --password with the password in $"
                    + PASSWORD_VARIABLE + ".");
        }
    }

    /**
     * Reads {@link #USAGE}-style arguments; {@code environment} supplies {@value #PASSWORD_VARIABLE} when
     * {@code --password} is given.
     *
     * @throws SandboxSftpException {@code SANDBOX_SFTP_INVALID_SETTING} naming the argument that is wrong
     */
    public static SandboxSftpOptions parse(List<String> args, Map<String, String> environment) {
        String host = null;
        int port = DEFAULT_PORT;
        Path root = null;
        String user = null;
        Path authorizedKeys = null;
        Path hostKey = null;
        boolean password = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--password" -> password = true;
                case "--host" -> host = valueOf(args, ++i, option);
                case "--port" -> port = portOf(valueOf(args, ++i, option));
                case "--root" -> root = Path.of(valueOf(args, ++i, option));
                case "--user" -> user = valueOf(args, ++i, option);
                case "--authorized-keys" -> authorizedKeys = Path.of(valueOf(args, ++i, option));
                case "--host-key" -> hostKey = Path.of(valueOf(args, ++i, option));
                default -> throw invalid("Unknown option `" + option + "`.");
            }
        }
        return new SandboxSftpOptions(host, port, root, user, authorizedKeys, password ? passwordFrom(environment) : null, hostKey);
    }

    /** The one user these options describe. */
    public SftpUser toUser() {
        SftpUser sftpUser = SftpUser.named(user);
        if (password != null) {
            sftpUser = sftpUser.withPassword(password);
        }
        return authorizedKeys == null ? sftpUser : sftpUser.withAuthorizedKeys(authorizedKeys);
    }

    @Override
    public String toString() {
        return "SandboxSftpOptions[host=" + host + ", port=" + port + ", root=" + root + ", user=" + user
                + ", authorizedKeys=" + authorizedKeys + ", password=" + (password == null ? "none" : "****")
                + ", hostKey=" + hostKey + "]";
    }

    private static String valueOf(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw invalid("The option " + option + " needs a value.");
        }
        return args.get(index);
    }

    private static int portOf(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid("The port `" + value + "` is not a number: give 1 to 65535, or 0 for any free port.");
        }
    }

    private static String passwordFrom(Map<String, String> environment) {
        String value = environment.get(PASSWORD_VARIABLE);
        if (value == null || value.isEmpty()) {
            throw invalid("--password needs the password in the environment variable " + PASSWORD_VARIABLE
                    + " (it is not taken from the command line, where others could read it).");
        }
        return value;
    }

    private static SandboxSftpException invalid(String message) {
        return new SandboxSftpException(SandboxSftpException.INVALID_SETTING, message);
    }
}

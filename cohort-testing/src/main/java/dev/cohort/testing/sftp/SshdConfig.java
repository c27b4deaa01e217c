package dev.cohort.testing.sftp;

import java.nio.file.Path;

/** The {@code sshd_config} of an {@link OpenSshServer}: loopback only, public keys only, SFTP only. */
final class SshdConfig {
    private SshdConfig() {
    }

    static String render(Path folder, int port) {
        Path absolute = folder.toAbsolutePath();
        return """
                ListenAddress 127.0.0.1
                Port %d
                HostKey %s
                PidFile %s
                AuthorizedKeysFile %s
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                StrictModes no
                PermitRootLogin prohibit-password
                AllowTcpForwarding no
                X11Forwarding no
                PrintMotd no
                Subsystem sftp internal-sftp -d %s
                """.formatted(port, absolute.resolve("ssh_host_ed25519_key"), absolute.resolve("sshd.pid"),
                absolute.resolve("authorized_keys"), absolute.resolve("home"));
    }
}

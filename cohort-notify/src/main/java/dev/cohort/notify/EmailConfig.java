package dev.cohort.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An e-mail channel: notifications are sent as plain-text mail through an SMTP server.
 *
 * @param name     the channel's name
 * @param levels   the levels it wants
 * @param host     the SMTP server
 * @param port     its port, 1 to 65535 (see {@link SmtpSecurity#defaultPort()})
 * @param security how the connection is protected
 * @param username the user to log in as, or {@code null} to send without logging in
 * @param password the user's password; given exactly when {@code username} is
 * @param from     the sender, {@code cohort@example.com} or {@code Cohort <cohort@example.com>}
 * @param to       the recipients, at least one
 * @param timeout  how long to wait to connect and for each answer; {@code null} for 10 s
 */
public record EmailConfig(String name, Set<NotificationLevel> levels, String host, int port, SmtpSecurity security,
                          String username, String password, String from, List<String> to, Duration timeout)
        implements ChannelConfig {

    public EmailConfig {
        name = ConfigChecks.name("e-mail", name);
        String channel = "E-mail channel '" + name + "'";
        levels = ConfigChecks.levels(channel, levels);
        host = ConfigChecks.required(channel, "the SMTP server's host name", host);
        if (port < 1 || port > 65535) {
            throw new ChannelConfigException(channel + ": the SMTP port must be 1 to 65535, not " + port
                    + "; usually 587 for STARTTLS, 465 for TLS or 25 without either.");
        }
        Objects.requireNonNull(security, () -> channel + " needs a security setting: NONE, STARTTLS or TLS.");
        username = username == null || username.isBlank() ? null : username.strip();
        if (username == null && password != null && !password.isEmpty()) {
            throw new ChannelConfigException(channel + " has a password but no username: give the username"
                    + " to log in with, or leave both out to send without logging in.");
        }
        if (username != null && (password == null || password.isEmpty())) {
            throw new ChannelConfigException(channel + " has a username but no password: give the password,"
                    + " or leave both out to send without logging in.");
        }
        password = username == null ? null : password;
        from = ConfigChecks.required(channel, "a sender address (from)", from);
        checkAddress(channel, "sender", from);
        if (to == null || to.isEmpty()) {
            throw new ChannelConfigException(channel + " needs at least one recipient address (to).");
        }
        to = to.stream().map(address -> address == null ? "" : address.strip()).toList();
        for (String address : to) {
            checkAddress(channel, "recipient", address);
        }
        timeout = ConfigChecks.timeout(channel, "the timeout", timeout);
    }

    /** An e-mail channel with the default timeout. */
    public EmailConfig(String name, Set<NotificationLevel> levels, String host, int port, SmtpSecurity security,
                       String username, String password, String from, List<String> to) {
        this(name, levels, host, port, security, username, password, from, to, null);
    }

    /** The SMTP server as {@code host:port}. */
    public String server() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "EmailConfig[name=" + name + ", levels=" + levels + ", host=" + host + ", port=" + port
                + ", security=" + security + ", username=" + (username == null ? "none" : Redaction.address(username))
                + ", password=" + (password == null ? "none" : Redaction.HIDDEN) + ", from=" + masked(from)
                + ", to=" + to.stream().map(EmailConfig::masked).toList() + ", timeout=" + timeout + "]";
    }

    /** Parses an address that the constructor has already checked. */
    static InternetAddress parsed(String address) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalStateException("checked when the config was made", e);
        }
    }

    private static String masked(String address) {
        return Redaction.address(parsed(address).getAddress());
    }

    private static void checkAddress(String channel, String role, String address) {
        String problem;
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            problem = parsed.getAddress().indexOf('@') > 0 ? null : "it has no domain (name@example.com)";
        } catch (AddressException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            throw new ChannelConfigException(channel + ": the " + role + " address `" + address + "` is not an"
                    + " e-mail address: " + problem + ". Give one like ops@example.com.");
        }
    }
}

package dev.cohort.model;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where Cohort tells people what happened to runs: a webhook or an e-mail address list, and the levels
 * it wants. Like a destination it names a credential; the secret values stay in the credential, so this
 * record (and its {@code toString()}) never holds one.
 *
 * @param target where notifications go
 * @param levels the levels it wants, never empty; null for all four
 */
public record NotificationChannelDefinition(String name, String description, Target target, Set<Level> levels) {
    /** Every level: what a channel wants when its {@code levels} are left out. */
    public static final Set<Level> ALL_LEVELS = Collections.unmodifiableSet(EnumSet.allOf(Level.class));

    public NotificationChannelDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        description = description == null ? "" : description;
        if (levels == null) {
            levels = ALL_LEVELS;
        } else if (levels.isEmpty()) {
            throw new IllegalArgumentException("notification channel '" + name + "' wants no level");
        } else {
            levels = Collections.unmodifiableSet(EnumSet.copyOf(levels));
        }
    }

    /** The credential it uses, if any. */
    public Optional<String> credential() {
        return Optional.ofNullable(target.credential());
    }

    /** What happened to a run, as a channel chooses what it wants to hear about. */
    public enum Level {
        /** A run started. */
        RUNNING,
        /** A run completed: every row was sent. */
        COMPLETED,
        /** A run completed with warnings, for example rows that were rejected. */
        WARNING,
        /** A run failed. */
        ERROR;

        /** The word written in {@code cohort.yaml}: {@code running}, {@code error}, … */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How an e-mail channel protects its connection to the SMTP server. */
    public enum Security {
        /** Plain text; only for a relay on the same machine or network. */
        NONE(25),
        /** A plain connection upgraded with STARTTLS, which is required. */
        STARTTLS(587),
        /** TLS from the first byte ("SMTPS"). */
        TLS(465);

        private final int defaultPort;

        Security(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The port used when none is given: 25, 587 or 465. */
        public int defaultPort() {
            return defaultPort;
        }

        /** The word written in {@code cohort.yaml}: {@code none}, {@code starttls} or {@code tls}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a channel's notifications go. */
    public sealed interface Target {
        /** The credential's name, or null when it needs none. */
        String credential();
    }

    /**
     * Notifications POSTed as JSON to {@code url}, signed with the credential's {@code secret}.
     *
     * @param url        {@code http} or {@code https}, with a host and no user name or password
     * @param credential a credential of type {@code webhook} with a value {@code secret}
     */
    public record Webhook(String url, String credential) implements Target {
        /** The type its credential must have. */
        public static final String CREDENTIAL_TYPE = "webhook";
        /** The credential value requests are signed with. */
        public static final String SECRET = "secret";
        /** A shorter secret is too easy to guess to prove anything. */
        public static final int MIN_SECRET_LENGTH = 16;

        public Webhook {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(credential, "credential");
        }

        /**
         * The URL without its path and query, which may hold a token: {@code https://hooks.example.com/…}.
         * Use it wherever the URL is shown.
         */
        public String endpoint() {
            try {
                URI uri = new URI(url);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    return "(a URL)";
                }
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + "/…";
            } catch (java.net.URISyntaxException e) {
                return "(a URL)";
            }
        }

        @Override
        public String toString() {
            return "Webhook[url=" + endpoint() + ", credential=" + credential + "]";
        }
    }

    /**
     * Notifications sent as plain-text mail through an SMTP server.
     *
     * @param port       1 to 65535
     * @param credential a credential of type {@code smtp} with {@code username} and {@code password}, or
     *                   null to send without logging in
     * @param from       the sender: {@code cohort@example.com} or {@code Cohort <cohort@example.com>}
     * @param to         the recipients, at least one
     */
    public record Email(String host, int port, Security security, String credential, String from, List<String> to)
            implements Target {
        /** The type its credential, when it has one, must have. */
        public static final String CREDENTIAL_TYPE = "smtp";
        /** The credential value holding the user to log in as. */
        public static final String USERNAME = "username";
        /** The credential value holding the user's password. */
        public static final String PASSWORD = "password";

        public Email {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(from, "from");
            to = List.copyOf(to);
        }

        /** The SMTP server as {@code host:port}. */
        public String server() {
            return host + ":" + port;
        }
    }
}

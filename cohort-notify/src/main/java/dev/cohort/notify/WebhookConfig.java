package dev.cohort.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * A webhook channel: notifications are POSTed as JSON to {@code url}, signed with {@code secret} (see
 * {@link WebhookSignature}).
 *
 * @param name           the channel's name
 * @param levels         the levels it wants
 * @param url            where to POST: {@code http} or {@code https} with a host, no user name or password in it
 * @param secret         the shared secret the receiver verifies signatures with, at least {@value #MIN_SECRET_LENGTH} characters
 * @param connectTimeout how long to wait for a connection; {@code null} for 10 s
 * @param requestTimeout how long to wait for the receiver's answer; {@code null} for 10 s
 */
public record WebhookConfig(String name, Set<NotificationLevel> levels, URI url, String secret,
                            Duration connectTimeout, Duration requestTimeout) implements ChannelConfig {
    /** A shorter secret is too easy to guess to prove anything. */
    public static final int MIN_SECRET_LENGTH = 16;

    public WebhookConfig {
        name = ConfigChecks.name("webhook", name);
        String channel = "Webhook channel '" + name + "'";
        levels = ConfigChecks.levels(channel, levels);
        checkUrl(channel, url);
        if (secret == null || secret.isBlank()) {
            throw new ChannelConfigException(channel + " needs a secret to sign its requests with: give a random"
                    + " string of at least " + MIN_SECRET_LENGTH + " characters and the same one to the receiver.");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new ChannelConfigException(channel + ": the secret is too short (" + secret.length()
                    + " characters): give a random string of at least " + MIN_SECRET_LENGTH + " characters.");
        }
        connectTimeout = ConfigChecks.timeout(channel, "the connect timeout", connectTimeout);
        requestTimeout = ConfigChecks.timeout(channel, "the request timeout", requestTimeout);
    }

    /** A webhook with the default timeouts; {@code url} is parsed here, with a message saying what is wrong with it. */
    public WebhookConfig(String name, Set<NotificationLevel> levels, String url, String secret) {
        this(name, levels, parseUrl(name, url), secret, null, null);
    }

    /** Where requests go without the path and query, which may hold a token: {@code https://hooks.example.com/…}. */
    public String endpoint() {
        return Redaction.endpoint(url);
    }

    @Override
    public String toString() {
        return "WebhookConfig[name=" + name + ", levels=" + levels + ", url=" + endpoint() + ", secret="
                + Redaction.HIDDEN + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }

    private static URI parseUrl(String name, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ChannelConfigException("Webhook channel '" + name + "': the URL is not valid (" + e.getReason()
                    + " at character " + (e.getIndex() + 1) + "): give an address like https://hooks.example.com/cohort.");
        }
    }

    private static void checkUrl(String channel, URI url) {
        if (url == null) {
            throw new ChannelConfigException(channel + " needs a URL to POST to, like https://hooks.example.com/cohort.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ChannelConfigException(channel + ": the URL must start with https:// (or http://), not `"
                    + (scheme.isEmpty() ? "no scheme" : scheme + ":") + "`.");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new ChannelConfigException(channel + ": the URL has no host name; give an address like"
                    + " https://hooks.example.com/cohort.");
        }
        if (url.getRawUserInfo() != null) {
            throw new ChannelConfigException(channel + ": the URL holds a user name or password, which Cohort does"
                    + " not send; remove it — requests are authenticated by their signature.");
        }
    }
}

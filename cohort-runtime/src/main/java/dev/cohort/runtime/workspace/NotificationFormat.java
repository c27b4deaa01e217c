package dev.cohort.runtime.workspace;

import dev.cohort.model.Names;
import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.NotificationChannelDefinition.Email;
import dev.cohort.model.NotificationChannelDefinition.Level;
import dev.cohort.model.NotificationChannelDefinition.Security;
import dev.cohort.model.NotificationChannelDefinition.Target;
import dev.cohort.model.NotificationChannelDefinition.Webhook;
import dev.cohort.spi.Suggestions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code notifications} section: one channel per name, a {@code webhook} or an {@code email}, with
 * the {@code levels} it wants. Checks the form of everything written here (URL, host, port, addresses,
 * levels); the credential it names is checked by {@link WorkspaceValidator}, its values by {@link Planner}.
 */
final class NotificationFormat {
    private static final List<String> LEVELS = Arrays.stream(Level.values()).map(Level::keyword).toList();
    private static final List<String> SECURITIES = Arrays.stream(Security.values()).map(Security::keyword).toList();
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");

    private NotificationFormat() {}

    static Optional<NotificationChannelDefinition> read(String name, YamlMap map) {
        Names.checkObjectName(name).ifPresent(why -> map.node().problem("BAD_NAME", why));
        String description = map.text("description").orElse("");
        Optional<YamlNode> webhookNode = map.get("webhook");
        Optional<YamlNode> emailNode = map.get("email");
        Optional<Target> webhook = webhookNode.flatMap(NotificationFormat::webhook);
        Optional<Target> email = emailNode.flatMap(NotificationFormat::email);
        Optional<Set<Level>> levels = levels(map);
        map.rejectUnknownKeys();
        if (webhookNode.isPresent() && emailNode.isPresent()) {
            map.node().problem("CONFLICTING_KEYS", "notification channel '" + name + "' has both 'webhook' and 'email':"
                    + " a channel is one or the other; declare two channels to use both");
            return Optional.empty();
        }
        if (webhookNode.isEmpty() && emailNode.isEmpty()) {
            map.node().problem("MISSING_KEY", "notification channel '" + name + "' needs 'webhook: {url: https://…,"
                    + " credential: <a webhook credential>}' or 'email: {host: smtp.example.com, from: …, to: [...]}'");
            return Optional.empty();
        }
        Optional<Target> target = webhook.or(() -> email);
        if (target.isEmpty() || levels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotificationChannelDefinition(name, description, target.get(), levels.get()));
    }

    private static Optional<Target> webhook(YamlNode node) {
        return node.map().flatMap(map -> {
            Optional<String> url = map.requiredText("url", "where to POST, e.g. https://hooks.example.com/cohort")
                    .map(String::strip)
                    .filter(text -> checkUrl(text, map.get("url").orElseThrow()));
            Optional<String> credential = map.requiredText("credential",
                    "a credential of type " + Webhook.CREDENTIAL_TYPE + " whose value '" + Webhook.SECRET
                            + "' signs the requests");
            refuseInlineSecrets(map, Webhook.CREDENTIAL_TYPE, List.of(Webhook.SECRET));
            map.rejectUnknownKeys();
            if (url.isEmpty() || credential.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Webhook(url.get(), credential.get()));
        });
    }

    /** A secret written where a credential belongs is refused, saying where it goes; its value is never repeated. */
    private static void refuseInlineSecrets(YamlMap map, String type, List<String> keys) {
        for (String key : keys) {
            if (map.has(key)) {
                map.get(key);
                map.node().problems().add(map.keyLocation(key), "SECRET_IN_FILE", "'" + key + "' is kept in a credential,"
                        + " never in the channel: credentials: {<name>: {type: " + type + ", values: {" + String.join(", ",
                        keys.stream().map(k -> k + ": ${env:…}").toList()) + "}}}, and 'credential: <name>' here");
            }
        }
    }

    /** Reports what is wrong with the URL without repeating it: its path or query may hold a token. */
    private static boolean checkUrl(String text, YamlNode node) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            node.problem("BAD_URL", "the URL is not valid (" + e.getReason() + " at character " + (e.getIndex() + 1)
                    + "): give an address like https://hooks.example.com/cohort");
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            node.problem("BAD_URL", "the URL must start with https:// (or http://), not "
                    + (scheme.isEmpty() ? "without a scheme" : "'" + scheme + ":'"));
            return false;
        }
        if (uri.getRawUserInfo() != null) {
            node.problem("BAD_URL", "the URL holds a user name or password, which Cohort does not send: remove it"
                    + " (requests are authenticated by their signature)");
            return false;
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            node.problem("BAD_URL", "the URL has no host name (letters, digits, '-' and '.'): give an address like"
                    + " https://hooks.example.com/cohort");
            return false;
        }
        return true;
    }

    private static Optional<Target> email(YamlNode node) {
        return node.map().flatMap(map -> {
            Optional<String> host = map.requiredText("host", "the SMTP server, e.g. smtp.example.com")
                    .map(String::strip)
                    .filter(text -> checkHost(text, map.get("host").orElseThrow()));
            Optional<Security> security = map.get("security").map(NotificationFormat::security)
                    .orElse(Optional.of(Security.STARTTLS));
            Optional<Integer> port = map.get("port").map(NotificationFormat::port)
                    .orElseGet(() -> security.map(Security::defaultPort));
            String credential = map.text("credential").orElse(null);
            Optional<String> from = map.requiredText("from", "the sender address, e.g. cohort@example.com")
                    .map(String::strip)
                    .filter(text -> checkAddress("sender", text, map.get("from").orElseThrow()));
            Optional<List<String>> to = recipients(map);
            refuseInlineSecrets(map, Email.CREDENTIAL_TYPE, List.of(Email.USERNAME, Email.PASSWORD));
            map.rejectUnknownKeys();
            if (host.isEmpty() || security.isEmpty() || port.isEmpty() || from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Email(host.get(), port.get(), security.get(), credential, from.get(), to.get()));
        });
    }

    private static boolean checkHost(String text, YamlNode node) {
        if (text.contains("://")) {
            node.problem("BAD_VALUE", "host is the SMTP server's name only, without a scheme (smtp.example.com);"
                    + " give the port as 'port' and TLS as 'security'");
            return false;
        }
        if (!HOST.matcher(text).matches()) {
            node.problem("BAD_VALUE", "host is not a host name: use letters, digits, '-' and '.' (smtp.example.com),"
                    + " or an IP address; give the port as 'port'");
            return false;
        }
        return true;
    }

    private static Optional<Security> security(YamlNode node) {
        return node.text().flatMap(text -> {
            String keyword = text.strip().toLowerCase(Locale.ROOT);
            if (SECURITIES.contains(keyword)) {
                return Optional.of(Security.valueOf(keyword.toUpperCase(Locale.ROOT)));
            }
            String suggestion = keyword.equals("ssl") || keyword.equals("smtps") ? "; did you mean 'tls'?"
                    : Suggestions.didYouMean(keyword, SECURITIES);
            node.problem("BAD_VALUE", "security is 'none', 'starttls' or 'tls', not '" + text + "'" + suggestion);
            return Optional.empty();
        });
    }

    private static Optional<Integer> port(YamlNode node) {
        return node.integer().filter(port -> {
            if (port < 1 || port > 65535) {
                node.problem("BAD_VALUE", "port is 1 to 65535, not " + port + ": usually 587 with starttls, 465 with tls"
                        + " or 25 with none (leave it out for that default)");
                return false;
            }
            return true;
        });
    }

    private static Optional<List<String>> recipients(YamlMap map) {
        Optional<YamlNode> node = map.get("to");
        if (node.isEmpty()) {
            map.node().problem("MISSING_KEY", "'to' is required: the recipients, e.g. to: [data-team@example.com]");
            return Optional.empty();
        }
        List<YamlNode> items = node.get().isScalar() ? List.of(node.get()) : node.get().items();
        if (!node.get().isScalar() && !node.get().isList()) {
            return Optional.empty();
        }
        if (items.isEmpty()) {
            node.get().problem("MISSING_VALUE", "'to' lists no recipient: give at least one address");
            return Optional.empty();
        }
        List<String> addresses = new ArrayList<>();
        boolean complete = true;
        for (YamlNode item : items) {
            Optional<String> address = item.text().map(String::strip).filter(text -> checkAddress("recipient", text, item));
            if (address.isPresent()) {
                addresses.add(address.get());
            } else {
                complete = false;
            }
        }
        return complete ? Optional.of(addresses) : Optional.empty();
    }

    private static boolean checkAddress(String role, String text, YamlNode node) {
        Optional<String> problem = EmailAddresses.problem(text);
        problem.ifPresent(why -> node.problem("BAD_ADDRESS", "the " + role + " address is not an e-mail address: " + why));
        return problem.isEmpty();
    }

    private static Optional<Set<Level>> levels(YamlMap map) {
        Optional<YamlNode> node = map.get("levels");
        if (node.isEmpty()) {
            return Optional.of(NotificationChannelDefinition.ALL_LEVELS);
        }
        if (!node.get().isScalar() && !node.get().isList()) {
            node.get().problem("WRONG_TYPE", "expected a list of levels (" + String.join(", ", LEVELS) + "), found "
                    + node.get().describe());
            return Optional.empty();
        }
        List<YamlNode> items = node.get().isScalar() ? List.of(node.get()) : node.get().items();
        if (items.isEmpty()) {
            node.get().problem("MISSING_VALUE", "'levels' lists none: give at least one of " + String.join(", ", LEVELS)
                    + ", or leave 'levels' out for all four");
            return Optional.empty();
        }
        Set<Level> levels = EnumSet.noneOf(Level.class);
        boolean complete = true;
        for (YamlNode item : items) {
            Optional<String> text = item.text();
            String keyword = text.map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("");
            if (LEVELS.contains(keyword)) {
                levels.add(Level.valueOf(keyword.toUpperCase(Locale.ROOT)));
            } else {
                complete = false;
                text.ifPresent(t -> item.problem("BAD_VALUE", "unknown level '" + t + "'" + Suggestions.didYouMean(keyword, LEVELS)
                        + " (levels: " + String.join(", ", LEVELS) + ")"));
            }
        }
        return complete ? Optional.of(levels) : Optional.empty();
    }
}

package dev.cohort.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.model.NotificationChannelDefinition;
import dev.cohort.model.NotificationChannelDefinition.Email;
import dev.cohort.model.NotificationChannelDefinition.Level;
import dev.cohort.model.NotificationChannelDefinition.Security;
import dev.cohort.model.NotificationChannelDefinition.Webhook;
import dev.cohort.model.Problem;
import dev.cohort.model.ValidationException;
import dev.cohort.model.WorkspaceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code notifications} section of {@code cohort.yaml}: what it reads, and every problem with its place. */
class NotificationChannelReaderTest {
    static final String EXAMPLE = """
            workspace: {name: acme}
            credentials:
              ops_hook: {type: webhook, values: {secret: "${env:OPS_HOOK_SECRET}"}}
              smtp_login: {type: smtp, values: {username: "${env:SMTP_USER}", password: "${env:SMTP_PASSWORD}"}}
            notifications:
              ops:
                description: Failures to the on-call channel     # optional
                webhook: {url: "https://hooks.example.com/cohort", credential: ops_hook}
                levels: [warning, error]                          # running | completed | warning | error; default all four
              data_team:
                email:
                  host: smtp.example.com
                  port: 587                   # optional: default by security (none 25, starttls 587, tls 465)
                  security: starttls          # none | starttls | tls; default starttls
                  credential: smtp_login      # optional (no login when absent)
                  from: cohort@example.com
                  to: [data-team@example.com, ops@example.com]
                levels: [error]
            """;

    @TempDir
    Path root;

    private WorkspaceDefinition read(String yaml) throws IOException {
        Files.writeString(root.resolve("cohort.yaml"), yaml);
        return WorkspaceReader.read(root).definition();
    }

    private List<String> problems(String notifications) throws IOException {
        Files.writeString(root.resolve("cohort.yaml"), "workspace: {name: acme}\nnotifications:\n" + notifications);
        try {
            WorkspaceReader.read(root);
        } catch (ValidationException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void readsTheDocumentedExample() throws IOException {
        WorkspaceDefinition workspace = read(EXAMPLE);

        assertThat(workspace.notificationChannels()).extracting(NotificationChannelDefinition::name)
                .containsExactly("ops", "data_team");
        NotificationChannelDefinition ops = workspace.notificationChannel("ops").orElseThrow();
        assertThat(ops.description()).isEqualTo("Failures to the on-call channel");
        assertThat(ops.target()).isEqualTo(new Webhook("https://hooks.example.com/cohort", "ops_hook"));
        assertThat(ops.levels()).containsExactly(Level.WARNING, Level.ERROR);
        assertThat(ops.credential()).contains("ops_hook");
        NotificationChannelDefinition team = workspace.notificationChannel("data_team").orElseThrow();
        assertThat(team.target()).isEqualTo(new Email("smtp.example.com", 587, Security.STARTTLS, "smtp_login",
                "cohort@example.com", List.of("data-team@example.com", "ops@example.com")));
        assertThat(team.levels()).containsExactly(Level.ERROR);
    }

    @Test
    void leftOutSettingsTakeTheirDefaults() throws IOException {
        WorkspaceDefinition workspace = read("""
                workspace: {name: acme}
                notifications:
                  plain: {email: {host: relay.internal, security: none, from: "Cohort <cohort@example.com>", to: ops@example.com}}
                  tls: {email: {host: smtp.example.com, security: TLS, from: cohort@example.com, to: [ops@example.com]}}
                  default: {email: {host: 10.0.0.5, from: cohort@example.com, to: ["\\"Ops, on call\\" <ops@example.com>"]}}
                """);
        NotificationChannelDefinition plain = workspace.notificationChannel("plain").orElseThrow();
        assertThat(plain.target()).isEqualTo(new Email("relay.internal", 25, Security.NONE, null,
                "Cohort <cohort@example.com>", List.of("ops@example.com")));
        assertThat(plain.levels()).isEqualTo(EnumSet.allOf(Level.class));
        assertThat(plain.credential()).isEmpty();
        assertThat(((Email) workspace.notificationChannel("tls").orElseThrow().target()).port()).isEqualTo(465);
        Email fallback = (Email) workspace.notificationChannel("default").orElseThrow().target();
        assertThat(fallback.security()).isEqualTo(Security.STARTTLS);
        assertThat(fallback.port()).isEqualTo(587);
        assertThat(fallback.to()).containsExactly("\"Ops, on call\" <ops@example.com>");
    }

    @Test
    void unknownKeysGetASuggestionAtTheirPlace() throws IOException {
        assertThat(problems("""
                  ops:
                    webhok: {url: "https://hooks.example.com/cohort", credential: ops_hook}
                    level: [error]
                  team:
                    email: {host: smtp.example.com, form: cohort@example.com, from: a@example.com, to: [b@example.com]}
                """)).containsExactlyInAnyOrder(
                "cohort.yaml:4:5 (notifications.ops): notification channel 'ops' needs 'webhook: {url: https://…,"
                        + " credential: <a webhook credential>}' or 'email: {host: smtp.example.com, from: …, to: [...]}'",
                "cohort.yaml:4:5 (notifications.ops.webhok): unknown key 'webhok'; did you mean 'webhook'?"
                        + " (allowed here: description, email, levels, webhook)",
                "cohort.yaml:5:5 (notifications.ops.level): unknown key 'level'; did you mean 'levels'?"
                        + " (allowed here: description, email, levels, webhook)",
                "cohort.yaml:7:37 (notifications.team.email.form): unknown key 'form'; did you mean 'from'?"
                        + " (allowed here: credential, from, host, port, security, to)");
        assertThat(problems("""
                  ops: {webhook: {url: "https://hooks.example.com/", credential: c, timeuot: 5}}
                """)).containsExactly("cohort.yaml:3:69 (notifications.ops.webhook.timeuot): unknown key 'timeuot'"
                + " (allowed here: credential, url)");
        assertThat(problems("""
                  ops: {webhook: {url: "https://hooks.example.com/", credential: c}}
                notification:
                  x: {}
                """)).singleElement().asString().startsWith("cohort.yaml:4:1 (notification): unknown key 'notification';"
                + " did you mean 'notifications'?");
    }

    @Test
    void secretsWrittenInTheChannelAreRefusedWithoutRepeatingThem() throws IOException {
        List<String> problems = problems("""
                  ops: {webhook: {url: "https://hooks.example.com/", credential: c, secret: hunter2hunter2hunter2}}
                  team:
                    email:
                      host: smtp.example.com
                      from: cohort@example.com
                      to: [ops@example.com]
                      username: cohort
                      password: pa55word-in-file
                """);
        assertThat(problems).containsExactlyInAnyOrder(
                "cohort.yaml:3:69 (notifications.ops.webhook.secret): 'secret' is kept in a credential, never in the"
                        + " channel: credentials: {<name>: {type: webhook, values: {secret: ${env:…}}}}, and"
                        + " 'credential: <name>' here",
                "cohort.yaml:9:7 (notifications.team.email.username): 'username' is kept in a credential, never in the"
                        + " channel: credentials: {<name>: {type: smtp, values: {username: ${env:…}, password: ${env:…}}}},"
                        + " and 'credential: <name>' here",
                "cohort.yaml:10:7 (notifications.team.email.password): 'password' is kept in a credential, never in the"
                        + " channel: credentials: {<name>: {type: smtp, values: {username: ${env:…}, password: ${env:…}}}},"
                        + " and 'credential: <name>' here");
        assertThat(String.join("\n", problems)).doesNotContain("hunter2").doesNotContain("pa55word");
    }

    @Test
    void aChannelIsAWebhookOrAnEmailNotBoth() throws IOException {
        assertThat(problems("""
                  both:
                    webhook: {url: "https://hooks.example.com/cohort", credential: ops_hook}
                    email: {host: smtp.example.com, from: cohort@example.com, to: [ops@example.com]}
                  empty: {description: nothing}
                  null_one:
                """)).containsExactlyInAnyOrder(
                "cohort.yaml:4:5 (notifications.both): notification channel 'both' has both 'webhook' and 'email':"
                        + " a channel is one or the other; declare two channels to use both",
                "cohort.yaml:6:10 (notifications.empty): notification channel 'empty' needs 'webhook: {url: https://…,"
                        + " credential: <a webhook credential>}' or 'email: {host: smtp.example.com, from: …, to: [...]}'",
                "cohort.yaml:7:12 (notifications.null_one): notification channel 'null_one' has no settings");
    }

    @Test
    void webhookUrlsAreHttpWithAHostAndNoUserInfo() throws IOException {
        List<String> problems = problems("""
                  ftp: {webhook: {url: "ftp://hooks.example.com/x", credential: c}}
                  relative: {webhook: {url: "/cohort/hook", credential: c}}
                  user: {webhook: {url: "https://bot:tok3n-in-url@hooks.example.com/x", credential: c}}
                  nohost: {webhook: {url: "https:///only/a/path", credential: c}}
                  syntax: {webhook: {url: "https://hooks.example.com/a b?token=s3cr3t-token", credential: c}}
                  missing: {webhook: {credential: c}}
                  nocredential: {webhook: {url: "https://hooks.example.com/x"}}
                """);
        assertThat(problems).containsExactlyInAnyOrder(
                "cohort.yaml:3:24 (notifications.ftp.webhook.url): the URL must start with https:// (or http://), not 'ftp:'",
                "cohort.yaml:4:29 (notifications.relative.webhook.url): the URL must start with https:// (or http://),"
                        + " not without a scheme",
                "cohort.yaml:5:25 (notifications.user.webhook.url): the URL holds a user name or password, which Cohort"
                        + " does not send: remove it (requests are authenticated by their signature)",
                "cohort.yaml:6:27 (notifications.nohost.webhook.url): the URL has no host name (letters, digits, '-' and"
                        + " '.'): give an address like https://hooks.example.com/cohort",
                "cohort.yaml:7:27 (notifications.syntax.webhook.url): the URL is not valid (Illegal character in path at"
                        + " character 28): give an address like https://hooks.example.com/cohort",
                "cohort.yaml:8:22 (notifications.missing.webhook): 'url' is required: where to POST, e.g."
                        + " https://hooks.example.com/cohort",
                "cohort.yaml:9:27 (notifications.nocredential.webhook): 'credential' is required: a credential of type"
                        + " webhook whose value 'secret' signs the requests");
        assertThat(String.join("\n", problems)).doesNotContain("tok3n").doesNotContain("s3cr3t");
    }

    @Test
    void emailSettingsAreCheckedOneByOne() throws IOException {
        assertThat(problems("""
                  team:
                    email:
                      host: smtp://smtp.example.com
                      port: 70000
                      security: ssl
                      from: cohort.example.com
                      to: [ops@example.com, "a@b@", "x@-bad-.com", "one@example.com, two@example.com", 42]
                    levels: [eror, completed, sometimes]
                  bad_name!: {email: {host: "smtp example com", port: "587", from: "Co. Hort <c@example.com>", to: []}}
                  no_to: {email: {host: h, from: cohort@example.com}, levels: []}
                  odd: {email: {host: h, from: cohort@example.com, to: {a: b}}, levels: {a: b}}
                """)).containsExactlyInAnyOrder(
                "cohort.yaml:5:13 (notifications.team.email.host): host is the SMTP server's name only, without a scheme"
                        + " (smtp.example.com); give the port as 'port' and TLS as 'security'",
                "cohort.yaml:6:13 (notifications.team.email.port): port is 1 to 65535, not 70000: usually 587 with"
                        + " starttls, 465 with tls or 25 with none (leave it out for that default)",
                "cohort.yaml:7:17 (notifications.team.email.security): security is 'none', 'starttls' or 'tls', not 'ssl';"
                        + " did you mean 'tls'?",
                "cohort.yaml:8:13 (notifications.team.email.from): the sender address is not an e-mail address: it has"
                        + " no '@' (name@example.com)",
                "cohort.yaml:9:29 (notifications.team.email.to[1]): the recipient address is not an e-mail address: the part"
                        + " before the '@' is not a mailbox name (letters, digits, '.', '-', '_', '+' …, at most 64 characters)",
                "cohort.yaml:9:37 (notifications.team.email.to[2]): the recipient address is not an e-mail address: the"
                        + " domain after the '@' is not a host name (example.com)",
                "cohort.yaml:9:52 (notifications.team.email.to[3]): the recipient address is not an e-mail address: it"
                        + " holds more than one address: give each as its own item of the list",
                "cohort.yaml:9:88 (notifications.team.email.to[4]): the recipient address is not an e-mail address: it"
                        + " has no '@' (name@example.com)",
                "cohort.yaml:10:14 (notifications.team.levels[0]): unknown level 'eror'; did you mean 'error'?"
                        + " (levels: running, completed, warning, error)",
                "cohort.yaml:10:31 (notifications.team.levels[2]): unknown level 'sometimes' (levels: running, completed,"
                        + " warning, error)",
                "cohort.yaml:11:14 (notifications.bad_name!): 'bad_name!' is not a valid name: use letters, digits, '_', '-'"
                        + " and '.', starting with a letter or digit, at most 63 characters (for example birthday-members)",
                "cohort.yaml:11:29 (notifications.bad_name!.email.host): host is not a host name: use letters, digits, '-'"
                        + " and '.' (smtp.example.com), or an IP address; give the port as 'port'",
                "cohort.yaml:11:55 (notifications.bad_name!.email.port): expected a whole number, found '587'",
                "cohort.yaml:11:68 (notifications.bad_name!.email.from): the sender address is not an e-mail address: a"
                        + " display name with punctuation must be in double quotes, e.g. \"Cohort, data team\""
                        + " <cohort@example.com>",
                "cohort.yaml:11:100 (notifications.bad_name!.email.to): 'to' lists no recipient: give at least one address",
                "cohort.yaml:12:18 (notifications.no_to.email): 'to' is required: the recipients, e.g. to:"
                        + " [data-team@example.com]",
                "cohort.yaml:12:63 (notifications.no_to.levels): 'levels' lists none: give at least one of running,"
                        + " completed, warning, error, or leave 'levels' out for all four",
                "cohort.yaml:13:56 (notifications.odd.email.to): expected a list, found a mapping",
                "cohort.yaml:13:73 (notifications.odd.levels): expected a list of levels (running, completed, warning,"
                        + " error), found a mapping");
    }
}

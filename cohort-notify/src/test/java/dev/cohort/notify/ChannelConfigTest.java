package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelConfigTest {
    static final Set<NotificationLevel> ERRORS = Set.of(NotificationLevel.ERROR);
    static final String SECRET = "s3cr3t-0123456789abcdef";

    static EmailConfig email(String host, int port, String username, String password, String from, List<String> to) {
        return new EmailConfig("ops-mail", ERRORS, host, port, SmtpSecurity.STARTTLS, username, password, from, to);
    }

    @Test
    void aWebhookHasDefaultTimeoutsAndNeverShowsItsSecretOrPath() {
        var config = new WebhookConfig("ops-hook", ERRORS, "https://hooks.example.com/services/T0/B0/XXXX?token=abc", SECRET);

        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.endpoint()).isEqualTo("https://hooks.example.com/…");
        assertThat(config.toString()).contains("ops-hook", "https://hooks.example.com/…", "secret=****")
                .doesNotContain(SECRET, "XXXX", "token");
        assertThat(new WebhookConfig("h", ERRORS, "http://localhost:8080", SECRET).endpoint()).isEqualTo("http://localhost:8080");
    }

    @Test
    void aWebhookUrlMustBeHttpOrHttpsWithAHost() {
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, "ftp://example.com/x", SECRET))
                .isInstanceOf(ChannelConfigException.class)
                .hasMessageContaining("Webhook channel 'ops-hook'").hasMessageContaining("https://");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, "hooks.example.com/x", SECRET))
                .hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, "https:///x", SECRET))
                .hasMessageContaining("no host name");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, "https://exa mple.com", SECRET))
                .hasMessageContaining("the URL is not valid");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, (String) null, SECRET))
                .hasMessageContaining("needs a URL");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, "https://user:pass@example.com/x", SECRET))
                .hasMessageContaining("user name or password").hasMessageNotContaining("pass@");
    }

    @Test
    void aWebhookNeedsASecretLongEnoughToMeanSomething() {
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, "https://example.com", null))
                .hasMessageContaining("needs a secret");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, "https://example.com", "short-secret"))
                .hasMessageContaining("too short (12 characters)").hasMessageNotContaining("short-secret");
    }

    @Test
    void aChannelNeedsAGoodNameAndAtLeastOneLevel() {
        assertThatThrownBy(() -> new WebhookConfig("ops hook", ERRORS, "https://example.com", SECRET))
                .hasMessageContaining("`ops hook` is not valid");
        assertThatThrownBy(() -> new WebhookConfig(" ", ERRORS, "https://example.com", SECRET))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", Set.of(), "https://example.com", SECRET))
                .hasMessageContaining("wants no notifications").hasMessageContaining("RUNNING");
    }

    @Test
    void timeoutsMustBePositive() {
        URI url = URI.create("https://example.com");
        assertThatThrownBy(() -> new WebhookConfig("ops-hook", ERRORS, url, SECRET, Duration.ZERO, null))
                .hasMessageContaining("the connect timeout must be longer than zero");
        assertThat(new WebhookConfig("ops-hook", ERRORS, url, SECRET, null, Duration.ofSeconds(3)).requestTimeout())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anEmailChannelChecksItsServerAndAddresses() {
        var config = email("smtp.example.com", 587, "cohort", "pw-123", "Cohort <cohort@example.com>",
                List.of(" ops@example.com ", "oncall@example.com"));

        assertThat(config.to()).containsExactly("ops@example.com", "oncall@example.com");
        assertThat(config.server()).isEqualTo("smtp.example.com:587");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));

        assertThatThrownBy(() -> email("smtp.example.com", 0, null, null, "a@example.com", List.of("b@example.com")))
                .hasMessageContaining("E-mail channel 'ops-mail'").hasMessageContaining("1 to 65535, not 0");
        assertThatThrownBy(() -> email("smtp.example.com", 65536, null, null, "a@example.com", List.of("b@example.com")))
                .hasMessageContaining("not 65536");
        assertThatThrownBy(() -> email(" ", 25, null, null, "a@example.com", List.of("b@example.com")))
                .hasMessageContaining("host name");
        assertThatThrownBy(() -> email("smtp.example.com", 25, null, null, "a@example.com", List.of()))
                .hasMessageContaining("at least one recipient");
        assertThatThrownBy(() -> email("smtp.example.com", 25, null, null, "a@example.com", List.of("ops at example")))
                .hasMessageContaining("recipient address `ops at example` is not an e-mail address");
        assertThatThrownBy(() -> email("smtp.example.com", 25, null, null, "cohort", List.of("b@example.com")))
                .hasMessageContaining("sender address `cohort`").hasMessageContaining("@domain");
    }

    @Test
    void anEmailLoginNeedsBothUsernameAndPassword() {
        assertThatThrownBy(() -> email("smtp.example.com", 587, "cohort", null, "a@example.com", List.of("b@example.com")))
                .hasMessageContaining("username but no password");
        assertThatThrownBy(() -> email("smtp.example.com", 587, null, "pw-123", "a@example.com", List.of("b@example.com")))
                .hasMessageContaining("password but no username").hasMessageNotContaining("pw-123");
        assertThat(email("smtp.example.com", 25, null, null, "a@example.com", List.of("b@example.com")).password()).isNull();
    }

    @Test
    void anEmailConfigNeverShowsItsPasswordOrWholeAddresses() {
        var config = email("smtp.example.com", 587, "cohort@example.com", "pw-123456", "Cohort <cohort@example.com>",
                List.of("jane.doe@example.com"));

        assertThat(config.toString()).contains("smtp.example.com", "587", "STARTTLS", "password=****", "j…@example.com")
                .doesNotContain("pw-123456", "jane.doe", "cohort@");
    }

    @Test
    void theFactoryMakesTheChannelTheConfigDescribes() {
        try (var webhook = NotificationChannels.create(new WebhookConfig("ops-hook", ERRORS, "https://example.com", SECRET));
             var mail = NotificationChannels.create(email("smtp.example.com", 587, null, null, "a@example.com", List.of("b@example.com")))) {
            assertThat(webhook).isInstanceOf(WebhookChannel.class);
            assertThat(webhook.name()).isEqualTo("ops-hook");
            assertThat(mail).isInstanceOf(EmailChannel.class);
            assertThat(mail.wants(NotificationLevel.ERROR)).isTrue();
            assertThat(mail.wants(NotificationLevel.RUNNING)).isFalse();
        }
    }

    @Test
    void smtpSecurityBecomesTheMatchingSessionProperties() {
        var startTls = SmtpSession.properties(email("smtp.example.com", 587, "u", "p", "a@example.com", List.of("b@example.com")));
        assertThat(startTls).containsEntry("mail.smtp.starttls.enable", "true").containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true").containsEntry("mail.smtp.connectiontimeout", "10000")
                .doesNotContainKey("mail.smtp.ssl.enable");
        var tls = SmtpSession.properties(new EmailConfig("m", ERRORS, "smtp.example.com", 465, SmtpSecurity.TLS, null, null,
                "a@example.com", List.of("b@example.com")));
        assertThat(tls).containsEntry("mail.smtp.ssl.enable", "true").containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "false").doesNotContainKey("mail.smtp.starttls.enable");
    }
}

package dev.cohort.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cohort.notify.DeliveryOutcome.Delivered;
import dev.cohort.notify.DeliveryOutcome.Permanent;
import dev.cohort.notify.DeliveryOutcome.Temporary;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The e-mail channel against a real SMTP server (GreenMail) on a loopback port. */
class EmailChannelTest {
    static final String PASSWORD = "right-password-9f3a";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("cohort@example.com", "cohort", PASSWORD));

    static EmailConfig config(int port, SmtpSecurity security, String password) {
        return new EmailConfig("ops-mail", Set.of(NotificationLevel.ERROR, NotificationLevel.WARNING), "127.0.0.1", port,
                security, "cohort", password, "Cohort <cohort@example.com>",
                List.of("ops@example.com", "oncall@example.com"), Duration.ofSeconds(2));
    }

    @Test
    void sendsOnePlainTextMessageToEveryRecipient() throws Exception {
        EmailChannel channel = new EmailChannel(config(greenMail.getSmtp().getPort(), SmtpSecurity.NONE, PASSWORD));

        DeliveryOutcome outcome = channel.deliver(Notifications.failed());

        assertThat(outcome).isInstanceOfSatisfying(Delivered.class,
                delivered -> assertThat(delivered.detail()).contains("2 recipient(s)"));
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertThat(messages).hasSize(2); // GreenMail keeps one copy per recipient
        MimeMessage message = messages[0];
        assertThat(message.getSubject()).isEqualTo("[Cohort] Failed: koupon_weekly (run 42)");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("Cohort <cohort@example.com>"));
        assertThat(Arrays.stream(message.getAllRecipients()).map(Address::toString))
                .containsExactly("ops@example.com", "oncall@example.com");
        assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat((String) message.getContent()).contains(
                "koupon_weekly failed",
                "The partner refused the file.",
                "Orchestration: koupon_weekly",
                "Run:           42",
                "Status:        Failed",
                "Rows read:     10,000",
                "Rows sent:     9,000",
                "Rows rejected: 12",
                "Error:         PARTNER_REJECTED: Koupon Media answered 550: quota exceeded",
                "When:          2026-03-01 09:30:00 UTC");
    }

    @Test
    void aWrongPasswordIsPermanentAndDoesNotShowThePassword() {
        EmailChannel channel = new EmailChannel(config(greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "wrong-password-1"));

        DeliveryOutcome outcome = channel.deliver(Notifications.failed());

        assertThat(outcome).isInstanceOfSatisfying(Permanent.class, permanent -> {
            assertThat(permanent.reason()).contains("'ops-mail'", "username or password");
            assertThat(permanent.reason()).doesNotContain("wrong-password-1", PASSWORD);
        });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsTemporary() {
        EmailChannel channel = new EmailChannel(config(Ports.closed(), SmtpSecurity.NONE, PASSWORD));

        DeliveryOutcome outcome = channel.deliver(Notifications.failed());

        assertThat(outcome).isInstanceOfSatisfying(Temporary.class, temporary ->
                assertThat(temporary.reason()).contains("'ops-mail'", "could not talk to the SMTP server",
                        "check that it is running"));
    }

    @Test
    void requiredStartTlsThatTheServerDoesNotOfferIsPermanent() {
        EmailChannel channel = new EmailChannel(config(greenMail.getSmtp().getPort(), SmtpSecurity.STARTTLS, PASSWORD));

        DeliveryOutcome outcome = channel.deliver(Notifications.failed());

        assertThat(outcome).isInstanceOfSatisfying(Permanent.class,
                permanent -> assertThat(permanent.reason()).contains("STARTTLS"));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}

package dev.cohort.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;

/**
 * Delivers notifications as plain-text e-mail through an SMTP server, one message to all the channel's
 * recipients. The subject reads like "[Cohort] Failed: koupon_weekly (run 42)"; the body says what happened,
 * the run, its row counts and its error. Messages are marked {@code Auto-Submitted: auto-generated} so
 * mail servers do not answer them with out-of-office replies.
 */
public final class EmailChannel implements NotificationChannel {
    private final EmailConfig config;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    public EmailChannel(EmailConfig config) {
        this(config, Clock.systemUTC());
    }

    /** A channel that dates its messages with {@code clock}; for tests. */
    EmailChannel(EmailConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = SmtpSession.of(config);
        this.from = EmailConfig.parsed(config.from());
        this.to = config.to().stream().map(EmailConfig::parsed).toArray(InternetAddress[]::new);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public boolean wants(NotificationLevel level) {
        return config.levels().contains(level);
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        try {
            MimeMessage message = message(notification);
            Transport transport = session.getTransport();
            try {
                transport.connect(config.host(), config.port(), config.username(), config.password());
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                quit(transport);
            }
            return DeliveryOutcome.delivered("sent to " + to.length + " recipient(s) through " + config.server());
        } catch (MessagingException e) {
            return SmtpFailures.outcome(config, e);
        }
    }

    @Override
    public String toString() {
        return "E-mail channel '" + config.name() + "' (" + config.server() + ")";
    }

    /** Says goodbye to the server; the message was sent or not already, so a failure here changes nothing. */
    private static void quit(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the outcome is decided; retrying because QUIT failed would send the message twice
        }
    }

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(EmailText.subject(notification), StandardCharsets.UTF_8.name());
        message.setText(EmailText.body(notification, config.name()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader(WebhookChannel.EVENT_HEADER, notification.event());
        message.setHeader(WebhookSignature.DELIVERY_HEADER, DeliveryId.of(notification, config.name()));
        return message;
    }
}

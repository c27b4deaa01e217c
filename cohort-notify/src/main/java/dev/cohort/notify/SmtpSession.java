package dev.cohort.notify;

import jakarta.mail.Session;
import java.util.Properties;

/** The Jakarta Mail session for an e-mail channel: server, timeouts, login and the TLS the config asks for. */
final class SmtpSession {
    private SmtpSession() {
    }

    static Session of(EmailConfig config) {
        return Session.getInstance(properties(config));
    }

    static Properties properties(EmailConfig config) {
        Properties p = new Properties();
        String timeout = Long.toString(config.timeout().toMillis());
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", config.host());
        p.setProperty("mail.smtp.port", Integer.toString(config.port()));
        p.setProperty("mail.smtp.connectiontimeout", timeout);
        p.setProperty("mail.smtp.timeout", timeout);
        p.setProperty("mail.smtp.writetimeout", timeout);
        p.setProperty("mail.smtp.auth", Boolean.toString(config.username() != null));
        // Deliver to the recipients the server accepts even when it refuses one; the outcome names the refused.
        p.setProperty("mail.smtp.sendpartial", "true");
        switch (config.security()) {
            case NONE -> { }
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return p;
    }
}

package dev.cohort.notify;

/** How an e-mail channel protects its connection to the SMTP server. */
public enum SmtpSecurity {
    /** Plain text; only for a relay on the same machine or network. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS, which is required: the mail is never sent unencrypted. */
    STARTTLS(587),
    /** TLS from the first byte ("SMTPS", "implicit TLS"). */
    TLS(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port servers usually listen on for this kind of connection: 25, 587 or 465. */
    public int defaultPort() {
        return defaultPort;
    }
}

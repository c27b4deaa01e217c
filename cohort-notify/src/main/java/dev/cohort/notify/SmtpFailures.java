package dev.cohort.notify;

import dev.cohort.spi.Causes;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failure to send an e-mail means. A refused login, refused addresses, a TLS setting that does not fit
 * the server and SMTP 5xx answers are permanent: someone has to change the channel. Connection problems,
 * timeouts and SMTP 4xx answers ("try again later") are temporary. Addresses the server quotes are shortened
 * ({@code j…@example.com}) and the password is never part of any message.
 */
final class SmtpFailures {
    private SmtpFailures() {
    }

    static DeliveryOutcome outcome(EmailConfig config, MessagingException e) {
        String channel = "E-mail channel '" + config.name() + "' (" + config.server() + ")";
        if (e instanceof AuthenticationFailedException) {
            return DeliveryOutcome.permanent(channel + ": the SMTP server refused the username or password (" + serverSaid(e)
                    + "); check the channel's username and password — some providers need an app password.");
        }
        if (e instanceof SendFailedException refused) {
            return refused(channel, refused);
        }
        if (Causes.has(e, SSLException.class)) {
            return DeliveryOutcome.permanent(channel + ": the TLS connection failed (" + causeOf(e) + "); check the"
                    + " security setting fits the port (TLS is usually 465, STARTTLS 587) and that the server's"
                    + " certificate is valid for its host name.");
        }
        if (String.valueOf(e.getMessage()).contains("STARTTLS")) {
            return DeliveryOutcome.permanent(channel + ": " + serverSaid(e) + "; the channel requires STARTTLS so"
                    + " that mail is never sent unencrypted: use security TLS if the server expects it from the first"
                    + " byte (port 465), or a server that offers STARTTLS.");
        }
        if (Causes.has(e, IOException.class)) {
            return DeliveryOutcome.temporary(channel + ": could not talk to the SMTP server (" + causeOf(e)
                    + "); check that it is running and that the host and port are right.");
        }
        return DeliveryOutcome.temporary(channel + ": sending failed (" + serverSaid(e) + ").");
    }

    private static DeliveryOutcome refused(String channel, SendFailedException e) {
        Address[] invalid = orEmpty(e.getInvalidAddresses());
        Address[] sent = orEmpty(e.getValidSentAddresses());
        Optional<Integer> code = returnCode(e);
        if (invalid.length > 0) {
            String addresses = Arrays.stream(invalid).map(a -> Redaction.address(a.toString()))
                    .collect(Collectors.joining(", "));
            String partly = sent.length > 0 ? "sent to " + sent.length + " recipient(s), but " : "";
            return code.filter(c -> c / 100 == 4 && sent.length == 0).isPresent()
                    ? DeliveryOutcome.temporary(channel + ": the SMTP server deferred the recipient(s) " + addresses
                    + " (" + serverSaid(e) + ").")
                    : DeliveryOutcome.permanent(channel + ": " + partly + "the SMTP server refused the recipient(s) "
                    + addresses + " (" + serverSaid(e) + "); fix or remove those addresses.");
        }
        if (code.filter(c -> c / 100 == 4).isPresent()) {
            return DeliveryOutcome.temporary(channel + ": the SMTP server asked to try again later (" + serverSaid(e) + ").");
        }
        String role = Causes.has(e, SMTPSenderFailedException.class) ? "the sender address (from)" : "the message";
        return DeliveryOutcome.permanent(channel + ": the SMTP server refused " + role + " (" + serverSaid(e)
                + "); check the channel's from address and that the server lets the user send from it.");
    }

    /** The SMTP reply code of the first failure in the chain that has one. */
    private static Optional<Integer> returnCode(MessagingException e) {
        return withReturnCode(e).map(SmtpFailures::codeOf);
    }

    private static Optional<MessagingException> withReturnCode(MessagingException e) {
        for (Exception next = e; next instanceof MessagingException m; next = m.getNextException()) {
            if (codeOf(m) > 0) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static int codeOf(MessagingException e) {
        return switch (e) {
            case SMTPSendFailedException s -> s.getReturnCode();
            case SMTPAddressFailedException s -> s.getReturnCode();
            case SMTPSenderFailedException s -> s.getReturnCode();
            default -> 0;
        };
    }

    /** The innermost cause: "ConnectException: Connection refused". */
    private static String causeOf(Throwable e) {
        Throwable root = Causes.root(e);
        String message = root.getMessage() == null ? "" : ": " + Redaction.addressesIn(root.getMessage().strip());
        return root.getClass().getSimpleName() + message;
    }

    /** The server's answer, on one line, with addresses shortened: the failure in the chain with a reply code, if any. */
    private static String serverSaid(MessagingException e) {
        Exception answer = withReturnCode(e).orElse(e);
        String message = answer.getMessage() == null ? "" : answer.getMessage().replaceAll("\\s+", " ").strip();
        return message.isEmpty() ? answer.getClass().getSimpleName() : Redaction.addressesIn(message);
    }

    private static Address[] orEmpty(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }
}

package dev.cohort.connector.files;

import dev.cohort.spi.destination.PartnerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Opening an SFTP connection as separate steps — resolve, connect, verify the host key, authenticate,
 * start SFTP — so that a connection check can report each one and a failure names the step. Each
 * step is limited by the endpoint's connect timeout. One thread; not reusable.
 */
final class SftpHandshake implements AutoCloseable {
    private final SftpEndpoint endpoint;
    private final Duration timeout;
    private final HostKeyCheck hostKeyCheck;
    private InetAddress address;
    private ClientSession session;
    private boolean handedOver;

    SftpHandshake(SftpEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.hostKeyCheck = new HostKeyCheck(endpoint);
    }

    /** Runs every step. */
    static SftpConnection connect(SftpEndpoint endpoint) {
        try (SftpHandshake handshake = new SftpHandshake(endpoint, endpoint.connectTimeout())) {
            handshake.resolve();
            handshake.connect();
            handshake.verifyHostKey();
            handshake.authenticate();
            return handshake.startSftp();
        }
    }

    InetAddress resolve() {
        try {
            address = InetAddress.getByName(endpoint.host());
            return address;
        } catch (UnknownHostException e) {
            throw new PartnerException(SftpErrors.UNKNOWN_HOST, "The host name '" + endpoint.host() + "' does not resolve (unknown host):"
                    + " check the host setting", e);
        }
    }

    /** Opens the TCP connection and starts the SSH protocol. */
    void connect() {
        ConnectFuture future;
        try {
            future = SshClients.shared().connect(endpoint.user(), new InetSocketAddress(address, endpoint.port()),
                    AttributeRepository.ofKeyValuePair(HostKeyCheck.KEY, hostKeyCheck), null);
            if (!future.await(timeout)) {
                future.cancel();
                throw timedOut("connect to");
            }
        } catch (IOException e) {
            throw connectFailure(e);
        }
        if (future.getException() != null) {
            throw connectFailure(future.getException());
        }
        session = future.getClientSession();
    }

    /**
     * Waits for the key exchange, in which the server's host key is checked against the pin.
     *
     * @return the presented key's type and fingerprint ("ssh-ed25519 SHA256:…")
     */
    String verifyHostKey() {
        Set<ClientSessionEvent> events = session.waitFor(EnumSet.of(ClientSessionEvent.WAIT_AUTH, ClientSessionEvent.CLOSED), timeout);
        if (hostKeyCheck.rejected()) {
            throw new PartnerException(SftpErrors.HOST_KEY_REJECTED, hostKeyCheck.rejectionMessage());
        }
        if (events.contains(ClientSessionEvent.CLOSED)) {
            throw new PartnerException(SftpErrors.NEGOTIATION_FAILED, "The server " + SftpFailures.server(endpoint) + " closed the connection"
                    + " during the SSH handshake: it is not an SSH server, or it shares no key exchange, cipher or host key"
                    + " algorithm with Cohort");
        }
        if (!events.contains(ClientSessionEvent.WAIT_AUTH)) {
            throw timedOut("complete the SSH handshake with");
        }
        return hostKeyCheck.describePresented();
    }

    /** Logs in with the credential's keys and password. */
    void authenticate() {
        SftpCredentials credentials = endpoint.credentials();
        for (KeyPair key : credentials.keys()) {
            session.addPublicKeyIdentity(key);
        }
        if (credentials.hasPassword()) {
            session.addPasswordIdentity(credentials.password());
        }
        try {
            AuthFuture future = session.auth();
            if (!future.await(timeout)) {
                future.cancel();
                throw timedOut("log in to");
            }
            if (!future.isSuccess()) {
                throw authenticationFailure(future.getException());
            }
        } catch (IOException e) {
            throw authenticationFailure(e);
        }
    }

    /** Opens the SFTP subsystem and hands the connection over. */
    SftpConnection startSftp() {
        try {
            SftpClient client = SftpClientFactory.instance().createSftpClient(session);
            handedOver = true;
            return new SftpConnection(endpoint, session, client);
        } catch (IOException e) {
            throw SftpFailures.translate(endpoint, "start the SFTP subsystem", e, session.isOpen());
        }
    }

    /** The SHA-256 fingerprint of the key the server presented, once verified. */
    String presentedFingerprint() {
        return hostKeyCheck.presented().map(HostKeyPin::fingerprintOf).orElse("");
    }

    /** The server's identification ("SSH-2.0-OpenSSH_9.2p1"), once connected. */
    String serverVersion() {
        return session == null ? "" : String.valueOf(session.getServerVersion());
    }

    /** Closes the connection unless {@link #startSftp()} handed it over. */
    @Override
    public void close() {
        if (session != null && !handedOver) {
            session.close(true);
        }
    }

    private PartnerException connectFailure(Throwable failure) {
        String server = SftpFailures.server(endpoint);
        if (causedBy(failure, ConnectException.class)) {
            return new PartnerException(SftpErrors.CONNECTION_REFUSED, "The connection to " + server + " was refused: nothing listens on"
                    + " port " + endpoint.port() + " or a firewall rejects Cohort; check host and port", failure);
        }
        if (causedBy(failure, NoRouteToHostException.class)) {
            return new PartnerException(SftpErrors.CONNECTION_REFUSED, "There is no route to " + server + ": check host, and that the"
                    + " partner allows Cohort's address", failure);
        }
        if (failure instanceof IOException io) {
            return SftpFailures.translate(endpoint, "connect to", io, false);
        }
        return new PartnerException(SftpErrors.CONNECTION_LOST, "Could not connect to " + server + " (" + failure.getClass().getSimpleName()
                + ")", failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private PartnerException authenticationFailure(Throwable failure) {
        if (!session.isOpen() && !(failure instanceof SshException ssh
                && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE)) {
            return new PartnerException(SftpErrors.CONNECTION_LOST, "The connection to " + SftpFailures.server(endpoint) + " was lost while"
                    + " logging in; the delivery will be retried", failure);
        }
        return new PartnerException(SftpErrors.AUTHENTICATION_FAILED, "The server " + SftpFailures.server(endpoint) + " refused user '"
                + endpoint.user() + "' with the credential's " + endpoint.credentials().describe()
                + ": check the user name and the credential (and that the partner has installed the public key)", failure);
    }

    private PartnerException timedOut(String action) {
        return new PartnerException(SftpErrors.TIMEOUT, "Could not " + action + " " + SftpFailures.server(endpoint) + " within "
                + timeout.toSeconds() + "s: the server or a firewall does not answer; check host and port, or raise"
                + " connect_timeout");
    }
}

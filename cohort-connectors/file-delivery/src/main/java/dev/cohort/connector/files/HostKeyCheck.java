package dev.cohort.connector.files;

import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host key check of one connection: compares the key the server presents with the endpoint's
 * pin and remembers what it saw, so that a refusal can show the fingerprint to pin. Written by a MINA
 * I/O thread during the key exchange, read by the connecting thread afterwards.
 */
final class HostKeyCheck {
    static final AttributeKey<HostKeyCheck> KEY = new AttributeKey<>();
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);
    private final SftpEndpoint endpoint;
    private volatile PublicKey presented;
    private volatile boolean accepted;

    HostKeyCheck(SftpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    boolean verify(PublicKey key) {
        presented = key;
        if (endpoint.hostKey() != null) {
            accepted = endpoint.hostKey().matches(key);
        } else {
            accepted = true;
            LOG.warn("Accepting the unverified host key {} {} of {}:{} because allow_unknown_host_key is true; pin it with host_key: {}",
                    KeyUtils.getKeyType(key), HostKeyPin.fingerprintOf(key), endpoint.host(), endpoint.port(),
                    HostKeyPin.fingerprintOf(key));
        }
        return accepted;
    }

    Optional<PublicKey> presented() {
        return Optional.ofNullable(presented);
    }

    boolean rejected() {
        return presented != null && !accepted;
    }

    /** "ssh-ed25519 SHA256:…" of the key the server presented. */
    String describePresented() {
        return presented().map(key -> KeyUtils.getKeyType(key) + " " + HostKeyPin.fingerprintOf(key)).orElse("no key");
    }

    /** The message of a refused key: what was presented, what was pinned, and how to pin the new key. */
    String rejectionMessage() {
        PublicKey key = presented;
        String fingerprint = HostKeyPin.fingerprintOf(key);
        return "the server " + endpoint.host() + ":" + endpoint.port() + " presented the host key " + KeyUtils.getKeyType(key) + " "
                + fingerprint + ", which is not the pinned key (host_key: " + String.join(", ", endpoint.hostKey().fingerprints())
                + "). If the partner confirms that this is their server's key, pin it with host_key: " + fingerprint
                + " (or the known_hosts line: " + HostKeyPin.knownHostsLine(endpoint.host(), endpoint.port(), key) + ")";
    }
}

package dev.cohort.connector.files;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The host keys Cohort accepts from an SFTP server: SHA-256 fingerprints ({@code SHA256:…}, as
 * {@code ssh-keygen -lf} prints them) or public keys from {@code known_hosts} lines, one per line.
 * The host names of a {@code known_hosts} line are not compared: the pin belongs to one destination.
 *
 * @param fingerprints the accepted SHA-256 fingerprints, {@code SHA256:} and unpadded base64
 */
public record HostKeyPin(List<String> fingerprints) {
    private static final String PREFIX = "SHA256:";

    public HostKeyPin {
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("a host key pin needs at least one key");
        }
    }

    /**
     * Reads fingerprints and {@code known_hosts} lines, one per line; blank lines and {@code #} comments
     * are skipped.
     *
     * @throws IllegalArgumentException naming the line that is neither
     */
    public static HostKeyPin parse(String text) {
        List<String> fingerprints = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            fingerprints.add(entry.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? fingerprint(entry) : keyLine(entry));
        }
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("holds no host key: give the SHA256:… fingerprint or the known_hosts line of the server's key");
        }
        return new HostKeyPin(fingerprints);
    }

    /** The SHA-256 fingerprint of a key, as OpenSSH prints it ({@code SHA256:…}). */
    public static String fingerprintOf(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The {@code known_hosts} line for a server's key ({@code [host]:port} when the port is not 22). */
    public static String knownHostsLine(String host, int port, PublicKey key) {
        String hostPattern = port == 22 ? host : "[" + host + "]:" + port;
        return hostPattern + " " + PublicKeyEntry.toString(key);
    }

    public boolean matches(PublicKey key) {
        return fingerprints.contains(fingerprintOf(key));
    }

    @Override
    public String toString() {
        return fingerprints.stream().collect(Collectors.joining(", ", "HostKeyPin[", "]"));
    }

    private static String fingerprint(String entry) {
        String base64 = entry.substring(PREFIX.length()).replaceAll("=+$", "");
        if (!base64.matches("[A-Za-z0-9+/]{43}")) {
            throw new IllegalArgumentException("'" + abbreviate(entry) + "' is not a SHA-256 fingerprint: expected SHA256: and 43 base64"
                    + " characters, as printed by ssh-keygen -lf");
        }
        return PREFIX + base64;
    }

    private static String keyLine(String entry) {
        if (entry.startsWith("@")) {
            throw new IllegalArgumentException("known_hosts markers (" + entry.split("\\s+")[0] + ") are not supported: pin the server's own key");
        }
        PublicKey key = publicKey(entry);
        if (key == null) {
            String[] tokens = entry.split("\\s+", 2);
            key = tokens.length == 2 ? publicKey(tokens[1]) : null;
        }
        if (key == null) {
            throw new IllegalArgumentException("'" + abbreviate(entry) + "' is neither a SHA256:… fingerprint nor a known_hosts line"
                    + " (host key-type base64-key)");
        }
        return fingerprintOf(key);
    }

    private static PublicKey publicKey(String text) {
        try {
            PublicKeyEntry entry = PublicKeyEntry.parsePublicKeyEntry(text);
            return entry == null ? null : entry.resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…";
    }
}

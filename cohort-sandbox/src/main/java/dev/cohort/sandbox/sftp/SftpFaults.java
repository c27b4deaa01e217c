package dev.cohort.sandbox.sftp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox server injects on purpose, so tests can see how a client copes with what real
 * partners do. All are off until switched on; {@link #clear()} switches them all off. Changes apply to
 * the next SFTP request, including those of sessions already open. Thread-safe.
 *
 * <ul>
 *   <li>{@link #storageQuota}: once a write would take a user's stored bytes over the quota, it fails with
 *       status {@code SSH_FX_QUOTA_EXCEEDED} (15; {@link #QUOTA_EXCEEDED_STATUS}).</li>
 *   <li>{@link #dropConnectionAfterBytesWritten}: the server closes the SSH session as soon as a write would
 *       take the session's uploaded bytes over the limit; that write is not stored.</li>
 *   <li>{@link #readOnly}: writing, creating, renaming, deleting or changing attributes under a folder fails
 *       with {@code SSH_FX_PERMISSION_DENIED} (3).</li>
 *   <li>{@link #latency}: the server answers every SFTP request that much later, as a partner across the
 *       internet would; see there.</li>
 * </ul>
 */
public final class SftpFaults {
    /** The SFTP status a write beyond {@link #storageQuota} answers: {@code SSH_FX_QUOTA_EXCEEDED}. */
    public static final int QUOTA_EXCEEDED_STATUS = 15;
    private static final Duration MAX_LATENCY = Duration.ofMinutes(10);

    private final Map<String, Long> quotas = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> readOnlyFolders = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsToDrop = new AtomicInteger();
    private volatile long dropAfterBytes = -1;
    private volatile Duration latency = Duration.ZERO;

    /** Limits the bytes {@code user} may store in its folder (files already there count). */
    public SftpFaults storageQuota(String user, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a storage quota cannot be negative: " + maxBytes);
        }
        quotas.put(user, maxBytes);
        return this;
    }

    /** Closes every session that uploads more than {@code bytes} bytes, until cleared. */
    public SftpFaults dropConnectionAfterBytesWritten(long bytes) {
        return dropConnectionAfterBytesWritten(bytes, Integer.MAX_VALUE);
    }

    /**
     * Closes the next {@code connections} sessions that upload more than {@code bytes} bytes; later sessions
     * upload normally (a retry that succeeds).
     */
    public SftpFaults dropConnectionAfterBytesWritten(long bytes, int connections) {
        if (bytes < 0 || connections < 1) {
            throw new IllegalArgumentException("need bytes >= 0 and connections >= 1, not " + bytes + " and " + connections);
        }
        connectionsToDrop.set(connections);
        dropAfterBytes = bytes;
        return this;
    }

    /** Makes {@code user}'s whole folder read-only. */
    public SftpFaults readOnly(String user) {
        return readOnly(user, "/");
    }

    /** Makes {@code folder} (as the user sees it, e.g. {@code /outbox}) and everything under it read-only. */
    public SftpFaults readOnly(String user, String folder) {
        readOnlyFolders.computeIfAbsent(user, ignored -> ConcurrentHashMap.newKeySet()).add(folder);
        return this;
    }

    /**
     * Answers every SFTP request {@code perRequest} after serving it — the round trip to a partner that far
     * away — instead of at once: {@code open}, {@code write}, {@code close}, {@code rename}, {@code stat},
     * {@code realpath}, {@code remove}, {@code mkdir}, the version handshake, every other request too.
     * Each session's requests are still served and answered in order, and a client that waits for each
     * answer pays the latency once per request; requests a client sends without waiting (the pipelined
     * writes of an upload) are served at once and their answers follow {@code perRequest} later, so they
     * overlap, as on a real link. Sessions do not delay each other. Not modelled: the SSH handshake and
     * login (they cost no extra time), the bandwidth, and the SSH window's own round trips.
     *
     * @param perRequest from zero (answer at once, the default) to 10 minutes
     */
    public SftpFaults latency(Duration perRequest) {
        Objects.requireNonNull(perRequest, "perRequest");
        if (perRequest.isNegative() || perRequest.compareTo(MAX_LATENCY) > 0) {
            throw new IllegalArgumentException("an SFTP latency must be between 0 and " + MAX_LATENCY.toMinutes()
                    + " minutes, not " + perRequest);
        }
        latency = perRequest;
        return this;
    }

    /** The latency set by {@link #latency(Duration)}; zero when answers are not delayed. */
    public Duration latency() {
        return latency;
    }

    /** Switches every fault off. */
    public SftpFaults clear() {
        latency = Duration.ZERO;
        quotas.clear();
        readOnlyFolders.clear();
        dropAfterBytes = -1;
        connectionsToDrop.set(0);
        return this;
    }

    OptionalLong quotaOf(String user) {
        Long quota = quotas.get(user);
        return quota == null ? OptionalLong.empty() : OptionalLong.of(quota);
    }

    Set<String> readOnlyFoldersOf(String user) {
        return readOnlyFolders.getOrDefault(user, Set.of());
    }

    /** The upload limit per session, or -1 when connections are not dropped. */
    long dropAfterBytes() {
        return connectionsToDrop.get() > 0 ? dropAfterBytes : -1;
    }

    /** Takes one of the connections still to drop; false when none is left. */
    boolean takeConnectionToDrop() {
        return connectionsToDrop.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1)) > 0;
    }
}

/**
 * Cohort's own SFTP server, the stand-in for partners that take files over SFTP (Koupon Media,
 * CrowdTwist): each user is jailed to its own folder, authenticates with a password or an OpenSSH public
 * key, and sees the same persisted host key across restarts. Faults a real partner shows — a full disk,
 * a dropped connection, a read-only folder, the round-trip latency of a partner across the internet — can
 * be switched on per test through {@link dev.cohort.sandbox.sftp.SftpFaults}.
 */
package dev.cohort.sandbox.sftp;

/**
 * SFTP peers for connector tests: {@link dev.cohort.testing.sftp.SftpServerExtension} (Cohort's own
 * sandbox server, with fault injection) and {@link dev.cohort.testing.sftp.OpenSshServer} (the system's
 * OpenSSH {@code sshd}), each with generated keys and everything a client needs to trust and log in.
 */
package dev.cohort.testing.sftp;

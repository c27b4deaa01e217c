package dev.cohort.connector.files;

import dev.cohort.spi.destination.PartnerException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Turns what MINA throws during SFTP operations into a {@link PartnerException} with a stable code: by
 * the SFTP status code or the exception's type and the connection's state — never by its message. The
 * messages name the host, folder and file, never a credential.
 */
final class SftpFailures {
    private SftpFailures() {}

    /**
     * @param endpoint       where the operation ran
     * @param action         what was being done, as a verb phrase ("create .report.csv.part")
     * @param connectionOpen whether the SSH connection was still open after the failure
     */
    static PartnerException translate(SftpEndpoint endpoint, String action, IOException failure, boolean connectionOpen) {
        if (failure instanceof SftpException sftp) {
            return fromStatus(endpoint, action, sftp);
        }
        if (isTimeout(failure)) {
            return new PartnerException(SftpErrors.TIMEOUT, "Could not " + action + " on " + server(endpoint)
                    + ": the server stopped answering; the delivery will be retried", failure);
        }
        if (!connectionOpen || failure instanceof EOFException || failure instanceof ClosedChannelException
                || failure instanceof SocketException) {
            return new PartnerException(SftpErrors.CONNECTION_LOST, "The connection to " + server(endpoint) + " was lost while trying to "
                    + action + "; the delivery will be retried", failure);
        }
        return new PartnerException(SftpErrors.SERVER_ERROR, "Could not " + action + " on " + server(endpoint) + " ("
                + failure.getClass().getSimpleName() + ")", failure);
    }

    private static PartnerException fromStatus(SftpEndpoint endpoint, String action, SftpException failure) {
        String where = " in " + endpoint.folder() + " on " + server(endpoint);
        return switch (failure.getStatus()) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH, SftpConstants.SSH_FX_NOT_A_DIRECTORY ->
                    new PartnerException(SftpErrors.FOLDER_NOT_FOUND, "Could not " + action + ": the folder " + endpoint.folder()
                            + " does not exist on " + server(endpoint) + " (or is not a folder); create it or correct remote_folder",
                            failure);
            case SftpConstants.SSH_FX_PERMISSION_DENIED, SftpConstants.SSH_FX_WRITE_PROTECT ->
                    new PartnerException(SftpErrors.PERMISSION_DENIED, "Could not " + action + where + ": permission denied for user '"
                            + endpoint.user() + "'; ask the partner to allow this user to write, rename and delete files there",
                            failure);
            case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED ->
                    new PartnerException(SftpErrors.DISK_FULL, "Could not " + action + where + ": the server's disk or the user's quota is"
                            + " full (" + SftpConstants.getStatusName(failure.getStatus()) + "); ask the partner to free space", failure);
            case SftpConstants.SSH_FX_FILE_ALREADY_EXISTS ->
                    new PartnerException(SftpErrors.FILE_EXISTS, "Could not " + action + where + ": the file already exists", failure);
            case SftpConstants.SSH_FX_CONNECTION_LOST, SftpConstants.SSH_FX_NO_CONNECTION ->
                    new PartnerException(SftpErrors.CONNECTION_LOST, "The connection to " + server(endpoint) + " was lost while trying to "
                            + action + "; the delivery will be retried", failure);
            default -> new PartnerException(SftpErrors.SERVER_ERROR, "Could not " + action + where + ": the server answered "
                    + SftpConstants.getStatusName(failure.getStatus()), failure);
        };
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedByTimeoutException || cause instanceof TimeoutException
                    || cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    static String server(SftpEndpoint endpoint) {
        return endpoint.host() + ":" + endpoint.port();
    }
}
